import { describe, expect, it } from "vitest";
import { EventKind, type TraceEvent } from "../../runtime/trace";
import { TimelineBuilder } from "./builder";
import { LANE_STATE_NAMES } from "./lane-state";
import type { Lane, TimelineModel } from "./model";
import { deadlockNote, describeNote } from "./note";
import { laneStats, segmentEnd } from "./query";

const ORIGIN = 1_000_000;
const LOCK = 5000;
const names = new Map([[LOCK, "L"]]);

/** Events of one worker: [time since origin, kind, object?, value?]. */
function ev(worker: number, ...list: [number, EventKind, number?, number?][]): TraceEvent[] {
  return list.map(([time, kind, object = 0, value = 0]) => ({ worker, time: ORIGIN + time, kind, object, value }));
}

function build(workers: number, ...batches: TraceEvent[][]): TimelineBuilder {
  const builder = new TimelineBuilder({ workers, names, origin: ORIGIN });
  for (const batch of batches) builder.add(batch);
  return builder;
}

/** A lane as [state, start, end, object?] rows, for readable expectations. */
function rows(model: TimelineModel, lane: Lane): (string | number)[][] {
  return Array.from({ length: lane.count }, (_, i) => {
    const row: (string | number)[] = [LANE_STATE_NAMES[lane.states[i]!]!, lane.starts[i]!, segmentEnd(model, lane, i)];
    if (lane.objects[i] !== 0) row.push(names.get(lane.objects[i]!) ?? lane.objects[i]!);
    return row;
  });
}

const { Start, End, Wait, Wake, GilTake, GilDrop, IoStart, IoEnd, Mark, Acquire, Release } = EventKind;
/** The states that only asyncio tasks and their loop have, at zero. */
const NO_TASK_MS = { ready: 0, sleeping: 0, "awaiting-tasks": 0, job: 0, cancelled: 0, failed: 0, idle: 0 };

describe("TimelineBuilder, free-threaded runs", () => {
  it("draws running, waiting on a named object, I/O and done from the body's events", () => {
    const { model } = build(1, ev(0, [0, Start], [1, Wait, LOCK], [3, Wake, LOCK], [3, Acquire, LOCK], [4, IoStart, 0, 2], [6, IoEnd, 0, 2], [7, Release, LOCK], [8, End]));
    expect(model.gilMode).toBe(false);
    expect(rows(model, model.lanes[0]!)).toEqual([
      ["running", 0, 1],
      ["waiting", 1, 3, "L"],
      ["running", 3, 4],
      ["io", 4, 6],
      ["running", 6, 8],
      ["done", 8, 8],
    ]);
  });

  it("keeps marks with their numbers and leaves segments alone", () => {
    const { model } = build(1, ev(0, [0, Start], [1, Mark, 0, 7], [2, Mark, 0, 8], [3, End]));
    const lane = model.lanes[0]!;
    expect(lane.count).toBe(2);
    expect([...lane.markTimes.subarray(0, lane.markCount)]).toEqual([1, 2]);
    expect([...lane.markValues.subarray(0, lane.markCount)]).toEqual([7, 8]);
  });
});

describe("TimelineBuilder, GIL runs", () => {
  it("reads the runtime's order: queued at start, holding, a wait that retakes the GIL before Wake, I/O, end", () => {
    const { model } = build(
      1,
      ev(0, [0, Start], [1, GilTake, 0, 1], [5, Wait, LOCK], [5.125, GilDrop, 0, 1], [8, GilTake, 0, 3], [8.125, Wake, LOCK]),
      ev(0, [10, GilDrop, 0, 3], [10.125, IoStart, 0, 4], [14, IoEnd, 0, 4], [15, GilTake, 0, 5], [20, GilDrop, 0, 5], [20.5, End]),
    );
    expect(model.gilMode).toBe(true);
    expect(rows(model, model.lanes[0]!)).toEqual([
      ["runnable", 0, 1],
      ["gil", 1, 5],
      ["waiting", 5, 8, "L"],
      ["gil", 8, 10],
      ["runnable", 10, 10.125],
      ["io", 10.125, 14],
      ["runnable", 14, 15],
      ["gil", 15, 20],
      ["runnable", 20, 20.5],
      ["done", 20.5, 20.5],
    ]);
  });

  it("also reads a Wake traced before the GIL is retaken: runnable until the take", () => {
    const { model } = build(1, ev(0, [0, Start], [0, GilTake], [2, Wait, LOCK], [2, GilDrop], [4, Wake, LOCK], [6, GilTake]));
    expect(rows(model, model.lanes[0]!)).toEqual([
      ["gil", 0, 2],
      ["waiting", 2, 4, "L"],
      ["runnable", 4, 6],
      ["gil", 6, 6],
    ]);
  });

  it("relabels as runnable what was drawn running before anyone's first GilTake was read", () => {
    const builder = build(2, [...ev(0, [0, Start]), ...ev(1, [0.5, Start], [1, GilTake])]);
    builder.add(ev(0, [3, GilTake]));
    const { model } = builder;
    expect(rows(model, model.lanes[0]!)).toEqual([
      ["runnable", 0, 3],
      ["gil", 3, 3],
    ]);
    expect(laneStats(model, model.lanes[0]!).ms).toMatchObject({ running: 0, runnable: 3 });
  });

  it("leaves no zero-length segment for events at one clock tick, and merges what becomes equal", () => {
    const { model } = build(1, ev(0, [0, Start], [0, GilTake], [4, GilDrop], [4, GilTake], [6, GilDrop], [6, IoStart], [9, IoEnd]));
    expect(rows(model, model.lanes[0]!)).toEqual([
      ["gil", 0, 6],
      ["io", 6, 9],
      ["runnable", 9, 9],
    ]);
    expect(laneStats(model, model.lanes[0]!).ms.gil).toBe(6);
  });
});

describe("TimelineBuilder, the model", () => {
  it("gives the same lanes however the drains split and interleave the workers", () => {
    const a = ev(0, [0, Start], [1, GilTake], [4, GilDrop], [6, GilTake], [9, End]);
    const b = ev(1, [0, Start], [4, GilTake], [6, GilDrop], [7, Wait, LOCK], [8, Wake, LOCK], [10, End]);
    const whole = build(2, [...a, ...b]).model;
    const split = build(2, [...a.slice(0, 2), ...b.slice(0, 1)], [...b.slice(1, 4)], [...a.slice(2), ...b.slice(4)]).model;
    for (const lane of [0, 1]) expect(rows(split, split.lanes[lane]!)).toEqual(rows(whole, whole.lanes[lane]!));
    expect(split.end).toBe(whole.end);
  });

  it("counts time per state (the open segment up to the end), GIL takes, waits and timeouts", () => {
    const builder = build(1, ev(0, [0, Start], [1, GilTake], [3, Wait, LOCK], [3, GilDrop], [5, GilTake], [5, Wake, LOCK, 1], [6, Wait, LOCK], [6, GilDrop]));
    builder.advance(ORIGIN + 10);
    const stats = laneStats(builder.model, builder.model.lanes[0]!);
    expect(stats).toEqual({ ms: { running: 0, runnable: 1, gil: 3, waiting: 6, io: 0, done: 0, ...NO_TASK_MS }, gilTakes: 2, waits: 2, timeouts: 1, marks: 0 });
  });

  it("bumps the version only on a change: events, a later time, a note or more dropped events", () => {
    const builder = build(1);
    const versions = [builder.model.version];
    const step = (change: () => void) => {
      change();
      versions.push(builder.model.version);
    };
    step(() => builder.add([]));
    step(() => builder.add(ev(0, [1, Start])));
    step(() => builder.advance(ORIGIN + 0.5));
    step(() => builder.advance(ORIGIN + 5));
    step(() => builder.add([], 3));
    step(() => builder.annotate(0, deadlockNote({ worker: 0, kind: "lock", object: "L", holder: 1 })));
    expect(versions).toEqual([0, 0, 1, 1, 2, 3, 4]);
    expect(builder.model.end).toBe(5);
    expect(builder.model.dropped).toBe(3);
  });

  it("carries the watchdog's note and says it in words", () => {
    const builder = build(2, ev(0, [0, Start], [1, Wait, LOCK]));
    builder.annotate(0, deadlockNote({ worker: 0, kind: "lock", object: "L", holder: 1 }));
    expect(describeNote(builder.model.lanes[0]!.note!)).toBe("deadlocked: waiting for lock L held by B");
    expect(describeNote(deadlockNote({ worker: 1, kind: "event", object: "go", holder: -1 }))).toBe("deadlocked: waiting for event go");
    builder.annotate(0, null);
    expect(builder.model.lanes[0]!.note).toBeNull();
  });

  it("refuses events from a worker it has no lane for", () => {
    expect(() => build(1, ev(1, [0, Start]))).toThrow(/worker 1: the timeline has 1 lanes/);
  });
});
