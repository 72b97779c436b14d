import { describe, expect, it } from "vitest";
import type { RunRecord } from "../../engine/session";
import { paramRows, runRows } from "./run-series";

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
});
