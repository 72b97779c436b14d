import { describe, expect, it } from "vitest";
import { EventKind, type TraceEvent } from "../../runtime/trace";
import { TimelineBuilder } from "./builder";
import { gilSwitches, laneStats, markFrom, segmentAt, segmentEnd } from "./query";

const { Start, End, GilTake, GilDrop, Mark } = EventKind;
/** The states that only asyncio tasks and their loop have, at zero. */
const NO_TASK_MS = { ready: 0, sleeping: 0, "awaiting-tasks": 0, job: 0, cancelled: 0, failed: 0, idle: 0 };

function model(...events: [number, number, EventKind][]) {
  const builder = new TimelineBuilder({ workers: 2, names: new Map(), origin: 0 });
  builder.add(events.map(([worker, time, kind]): TraceEvent => ({ worker, time, kind, object: 0, value: 0 })));
  return builder.model;
}

describe("reading a timeline model", () => {
  const m = model([0, 1, Start], [0, 1, GilTake], [0, 2, Mark], [0, 3, GilDrop], [0, 4, Mark], [0, 4, Mark], [0, 6, End], [1, 2, Start], [1, 3, GilTake], [1, 8, GilDrop]);
  const [a, b] = m.lanes;

  it("finds the segment covering a time, and where it ends", () => {
    expect(segmentAt(a!, 0.5)).toBe(-1);
    expect(segmentAt(a!, 1)).toBe(0);
    expect(segmentAt(a!, 2.9)).toBe(0);
    expect(segmentAt(a!, 3)).toBe(1);
    expect(segmentEnd(m, a!, 0)).toBe(3);
    expect(segmentEnd(m, a!, a!.count - 1)).toBe(m.end);
  });

  it("finds the first mark at or after a time", () => {
    expect(markFrom(a!, 0)).toBe(0);
    expect(markFrom(a!, 2)).toBe(0);
    expect(markFrom(a!, 2.5)).toBe(1);
    expect(markFrom(a!, 5)).toBe(3);
  });

  it("totals time per state and counts GIL hand-overs for charts", () => {
    expect(laneStats(m, a!).ms).toEqual({ running: 0, runnable: 3, gil: 2, waiting: 0, io: 0, done: 2, ...NO_TASK_MS });
    expect(laneStats(m, b!).ms).toEqual({ running: 0, runnable: 1, gil: 5, waiting: 0, io: 0, done: 0, ...NO_TASK_MS });
    expect(laneStats(m, a!).marks).toBe(3);
    expect(gilSwitches(m)).toBe(2);
  });
});
