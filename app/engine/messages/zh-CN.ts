/** The engine's messages in Simplified Chinese: every key of en.ts. */
import type { Translation } from "../../runtime/i18n/catalogue";
import type en from "./en";

export default {
  count: {
    schedules_other: "{{count, number}} 种调度",
  },
  // Runs, sessions, compiling and describing a scenario (below).
  run: {
    stopped: "已停止：工作线程已被终止。",
    stoppedBeforeStart: "在工作线程启动前就停止了。",
    timeLimit: "因超出时间限制而停止：这次运行超过了 {{seconds, number}} 秒。请检查有没有永不结束的循环，或者从未释放的锁。",
    tooManyWorkers: "场景要求 {{workers, number}} 个工作线程；一次运行最多只能有 {{max}} 个。请减少工作线程数。",
    workerCrashed: "工作线程崩溃了。",
    outOfMemory: "工作线程内存耗尽：它用满了堆所允许的 {{limit}} MB，已被终止。{{hint}}下一次运行会使用新的工作线程。",
    outOfMemoryHint: "请检查有没有不停往数组、Map 或字符串里添加内容的循环，或者远超课程所需的数据。",
    waitsOnObject: "在等待对象 #{{index}}",
    cut: "{{json}} …（已截断）",
  },
  describe: {
    workerNotStarted: "工作线程未能在 {{seconds}} 秒内启动。请重新加载页面。",
    topLevelTooLong: "场景的顶层代码未能在 {{seconds}} 秒内执行完。请把循环移到工作函数中。",
  },
  compile: {
    syntax: "语法错误：{{problem}}",
    refused: "代码无法编译：{{problem}}",
    refusedAtLine: "代码无法编译（第 {{line}} 行）：{{problem}}",
  },
} satisfies Translation<typeof en>;
