import { describe, expect, it } from "vitest";
import type { RunRecord } from "../../engine/session";
import { itemRows, paramRows, runRows, timeRows } from "./run-series";

const done = (index: number, params: Record<string, number | string>, result: unknown, bodyMs = 10): RunRecord => ({
  index,
  source: "",
  params,
  outcome: { status: "done", result, goals: [], workers: [], bodyMs, elapsedMs: bodyMs, gilSwitches: 5 },
});

describe("chart rows", () => {
  it("has one row per finished run with its numeric fields, time and label", () => {
    const refused: RunRecord = { index: 2, source: "", params: {}, outcome: { status: "refused", message: "no" } };
    const rows = runRows([done(1, { fix: "lock", n: 3 }, { actual: 5, note: "x" }, 12.34), refused]);
    expect(rows).toEqual([{ run: 1, label: "#1 fix=lock", actual: 5, ms: 12.3, switches: 5, switchesPerSecond: 405.2 }]);
  });

  it("by parameter: the latest run per value, among runs with the other parameters as now", () => {
    const history = [
      done(1, { workers: 1, mode: "gil" }, { speedup: 1 }),
      done(2, { workers: 2, mode: "gil" }, { speedup: 0.9 }),
      done(3, { workers: 2, mode: "free" }, { speedup: 1.9 }),
      done(4, { workers: 1, mode: "free" }, { speedup: 1 }),
      done(5, { workers: 2, mode: "free" }, { speedup: 1.8 }),
    ];
    expect(paramRows(history, "workers").map((r) => [r.x, r.speedup])).toEqual([
      [1, 1],
      [2, 1.8],
    ]);
  });

  it("over time: the latest finished run's points, merged in time order, each row with its own series only", () => {
    const history = [done(1, {}, { inUse: [[0, 9]] }), done(2, {}, { inUse: [[0, 1], [5, 2]], waiting: [[3, 4], ["bad", 1]] })];
    expect(timeRows(history, ["inUse", "waiting", "missing"])).toEqual([
      { run: 0, label: "", x: 0, inUse: 1 },
      { run: 0, label: "", x: 3, waiting: 4 },
      { run: 0, label: "", x: 5, inUse: 2 },
    ]);
  });

  it("per item: one row per element of the latest run's lists, numbered from 1", () => {
    const rows = itemRows([done(1, {}, { waitMs: [3, 7, 1], other: [2] })], ["waitMs", "other"]);
    expect(rows).toEqual([
      { run: 0, label: "", x: 1, waitMs: 3, other: 2 },
      { run: 0, label: "", x: 2, waitMs: 7 },
      { run: 0, label: "", x: 3, waitMs: 1 },
    ]);
    expect(itemRows([], ["waitMs"])).toEqual([]);
  });
});
