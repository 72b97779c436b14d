import { afterEach, describe, expect, it } from "vitest";
import { loadLanguage } from "../runtime/i18n/i18n";
import { formatDuration, formatRunTime, formatTick, unitSymbol, withUnit } from "./durations";
import { uiMessage } from "./messages/messages";

/** The same in both languages. */
const WRITTEN = ["12 µs", "3.46 ms", "457 ms", "18.55 s", "12 ms", "1.00 s", "1.23 s", "12,500 ms", "3.4 ms", "0.05 ms", "10 s", "ms"];

/** Every function once, at each unit it may choose. */
const written = () => [
  formatDuration(0.0123),
  formatDuration(3.456),
  formatDuration(456.7),
  formatDuration(18_555),
  formatRunTime(12.4),
  formatRunTime(999.6),
  formatRunTime(1234.5),
  formatTick(12_500, 500),
  formatTick(3.4, 0.1),
  formatTick(0.05, 0.01),
  withUnit(10, "s"),
  unitSymbol("ms"),
];

describe("durations", () => {
  afterEach(() => loadLanguage("en"));

  it("are written in µs, ms or s, each place with the precision it needs", () => {
    expect(written()).toEqual(WRITTEN);
  });

  it("are written with the same symbols in Chinese, in the run status as in the timeline: no 毫秒 or 秒", async () => {
    await loadLanguage("zh-CN");
    // Falling back to English would write the same figures: a sentence around them shows the Chinese catalogue is in use.
    expect(uiMessage("run.finished", { index: 1, count: 2, time: formatRunTime(12.4) })).toBe("第 1 次运行完成：2 个工作线程，用时 12 ms。");
    expect(uiMessage("timeline.tip.when", { start: formatDuration(20), length: formatDuration(80) })).toBe("从 20.00 ms 开始，持续 80.00 ms");
    expect(written()).toEqual(WRITTEN);
  });
});
