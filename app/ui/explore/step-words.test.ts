/** The words of a step, for the swimlanes and step mode: objects named as a student would, array elements by position. */
import { afterEach, describe, expect, it } from "vitest";
import { loadLanguage } from "../../runtime/i18n/i18n";
import type { Step } from "../../engine/explore/drive";
import { PointKind } from "../../runtime/gate";
import type { Allocation } from "../../runtime/memory";
import { TurnState } from "../../runtime/turnstile";
import { stepWords } from "./step-words";

const objects: Allocation[] = [
  { name: "counter", kind: "int", index: 100, words: 1 },
  { name: "l", kind: "lock", index: 101, words: 2 },
  { name: "buf", kind: "array", index: 103, words: 5 },
];

const step = (kind: Step["kind"], object: number, value: number | null = null, before: number | null = null): Step => ({
  worker: 1,
  state: TurnState.AtPoint,
  kind,
  object,
  line: 0,
  switchable: true,
  loop: 0,
  iteration: 0,
  timeout: false,
  preemption: false,
  gilRulesOut: null,
  value,
  before,
  blocks: false,
});

describe("step words", () => {
  afterEach(() => loadLanguage("en"));

  it("name an integer, an array element and a lock, with what each step saw or did", () => {
    expect(stepWords(step(PointKind.Read, 100, 4), objects)).toBe("reads counter = 4");
    expect(stepWords(step(PointKind.Write, 106, 5), objects)).toBe("writes buf[2], now 5");
    expect(stepWords(step(PointKind.CompareAndSet, 104, 1, 0), objects)).toBe("compares-and-sets buf[0]: 0 -> 1");
    expect(stepWords(step(PointKind.CompareAndSet, 107, 1, 1), objects)).toBe("compares-and-sets buf[3]: still 1");
    expect(stepWords(step(PointKind.Exchange, 100, 7, 3), objects)).toBe("exchanges counter: 3 -> 7");
    expect(stepWords(step(PointKind.Query, 101), objects)).toBe("checks lock l");
    expect(stepWords(step(PointKind.Query, 103), objects)).toBe("checks array buf");
  });

  it("are said in Chinese, the objects' kinds too", async () => {
    await loadLanguage("zh-CN");
    expect(stepWords(step(PointKind.Write, 106, 5), objects)).toBe("写入 buf[2]，现为 5");
    // A kind joins its verb without a space (检查锁 l); a bare name keeps it (写入 buf[2]).
    expect(stepWords(step(PointKind.Query, 101), objects)).toBe("检查锁 l");
  });
});
