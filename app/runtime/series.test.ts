/** Series on real Node workers: every worker records at once, through whole runs (see sync/testing.ts). */
import { describe, expect, it } from "vitest";
import { errorOf, resultOf, scenarioRunner } from "./sync/testing";

const run = scenarioRunner();

const recording = (capacity: string, body: string) => ({
  workers: 4,
  setup: `(shared) => ({ s: shared.series("S"${capacity}) })`,
  worker: `({ s }, { id }) => { ${body} }`,
  result: `({ s }) => ({ recorded: s.recorded, points: s.points() })`,
});

type Points = { recorded: number; points: [number, number][] };

describe("Series (append-only log of timed values)", () => {
  it("keeps every value 4 workers record at once, in time order", async () => {
    const { recorded, points } = resultOf(await run(recording("", "for (let k = 0; k < 50; k++) s.record(id * 1000 + k);"))) as Points;
    expect(recorded).toBe(200);
    expect(points.map(([, value]) => value).sort((a, b) => a - b)).toEqual([0, 1, 2, 3].flatMap((id) => Array.from({ length: 50 }, (_, k) => id * 1000 + k)));
    expect(points.every(([time], i) => time >= 0 && (i === 0 || time >= points[i - 1]![0]))).toBe(true);
  });

  it("merges more than 400 points into 400 time spans, keeping each span's peak", async () => {
    const body = `for (let k = 0; k < 1000; k++) s.record(k === 500 && id === 2 ? 99 : 1);`;
    const { recorded, points } = resultOf(await run(recording("", body))) as Points;
    expect(recorded).toBe(4000);
    expect(points.length).toBeLessThanOrEqual(400);
    expect(Math.max(...points.map(([, value]) => value))).toBe(99);
  });

  it("drops what passes its capacity and counts it; refuses a value that is not a finite number", async () => {
    const { recorded, points } = resultOf(await run(recording(", 10", "for (let k = 0; k < 5; k++) s.record(k);"))) as Points;
    expect(recorded).toBe(20);
    expect(points).toHaveLength(10);
    const bad = errorOf(await run(recording("", "if (id === 1) s.record(NaN);")));
    expect(bad).toMatchObject({ workerId: 1, message: 'Series "S".record: the value must be a finite number; got NaN.' });
  });
});
