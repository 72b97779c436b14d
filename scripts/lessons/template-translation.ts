/**
 * A zh-CN translation of the lesson lesson:new makes, as made from the
 * English whose hash is `translatedFrom`: the fixture of the checks of
 * translations (check.test.ts) and of a stale one's notice (e2e/course-copy.ts).
 */
export function templateTranslation(translatedFrom: string, title = "演示"): string {
  return [
    "---",
    `translatedFrom: ${translatedFrom}`,
    `title: ${title}`,
    "summary: 几个工作线程对同一个共享计数器做原子加法，结果分毫不差。",
    "goals:",
    "  - id: exact",
    "    text: 用至少 2 个工作线程运行，得到准确的计数。",
    "  - id: double",
    "    text: 修改代码，让每一轮加 2。",
    "charts:",
    "  - title: 每次运行的预期值与实际值",
    "params:",
    "  workers: 工作线程数",
    "  rounds: 每个工作线程的轮数",
    "---",
    "",
    "## 思路",
    "",
  ].join("\n");
}
