/** The interface in Simplified Chinese: every key of en.ts, written for Chinese readers. */
import type { Translation } from "../../runtime/i18n/catalogue";
import type en from "./en";

export default {
  app: {
    brand: "Interleave",
    language: "语言",
    lessons: "课程列表",
  },
  home: {
    noSuchLesson: "没有名为“{{slug}}”的课程，请从下面选择一课。",
    intro: "每一课都会在真实的 Web Worker 上运行它的场景：这些 Worker 共享内存，跑在你电脑的多个核心上。先阅读，再预测，然后运行；接着修改代码，再运行一次。",
    yourOwn: "你自己的",
  },
  loading: {
    playground: "练习场",
  },
  translation: {
    stale: "这篇译文早于它所依据的英文课文的最新修改；两者不一致时，以英文为准。",
    showEnglish: "阅读英文原文",
  },
  // Step mode, Explore, the timeline and the charts (below).
} satisfies Translation<typeof en>;
