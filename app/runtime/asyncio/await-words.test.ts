/** What a task awaits, shown in the page's language from the loop's English words. */
import { afterEach, describe, expect, it } from "vitest";
import { awaitWords } from "./await-words";
import { loadLanguage } from "../i18n/i18n";

afterEach(() => loadLanguage("en"));

// The words each maker writes (await-kinds.test.ts holds the makers to their first words).
const MADE = [
  "a future",
  "a sleep",
  "I/O of 0.25 s",
  "task fetch_1",
  "its task group's tasks",
  "the next child of as_completed to finish",
  "job parse on the thread pool",
  "job parse on the process pool",
  "job parse",
  "lock account 0",
  "semaphore S",
  "event E",
  "a notify of condition C",
  "room in queue Q",
  "an item in queue Q",
  "a gather of task Task-1, task Task-2",
];

describe("what a task awaits, in words", () => {
  it("is the loop's own words in English, exactly", () => {
    for (const words of MADE) expect(awaitWords(words)).toBe(words);
  });

  it("reads as Chinese in zh-CN, every form translated, names kept", async () => {
    await loadLanguage("zh-CN");
    expect(awaitWords("lock account 0")).toBe("锁 account 0");
    expect(awaitWords("I/O of 0.25 s")).toBe("耗时 0.25 s 的 I/O");
    expect(awaitWords("a gather of task Task-1, task Task-2")).toBe("由任务 Task-1、任务 Task-2 组成的 gather");
    expect(awaitWords("job parse on the process pool")).toBe("进程池上的作业 parse");
    for (const words of MADE) expect(awaitWords(words), words).toMatch(/^\p{Script=Han}/u);
  });

  it("leaves words of no known form as they are", async () => {
    await loadLanguage("zh-CN");
    expect(awaitWords("something new")).toBe("something new");
  });
});
