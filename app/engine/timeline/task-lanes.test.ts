/** The builder on asyncio's loop events (asyncio/loop-trace.ts), from synthetic traces. */
import { describe, expect, it } from "vitest";
import { AwaitKind } from "../../runtime/asyncio/await-kinds";
import { EventKind, type TraceEvent } from "../../runtime/trace";
import { TimelineBuilder } from "./builder";
import { LANE_STATE_NAMES } from "./lane-state";
import { MAX_TASK_LANES } from "./loop-tracks";
import type { Lane, TimelineModel } from "./model";
import { segmentEnd } from "./query";

const { Start, End, GilTake, GilDrop, Wait, Wake, LoopStart, LoopEnd, TaskCreated, TaskNameChar, TaskStep, TaskSuspend, WordsChar, LoopLag } = EventKind;

type Row = [number, EventKind, number?, number?];

function ev(worker: number, ...list: Row[]): TraceEvent[] {
  return list.map(([time, kind, object = 0, value = 0]) => ({ worker, time, kind, object, value }));
}

/** `text` as the loop sends it: a character an event, with its position, the last one flagged. */
function chars(time: number, kind: EventKind, object: number, text: string): Row[] {
  return Array.from(text, (c, i): Row => [time, kind, object, c.charCodeAt(0) | (i << 16) | (i === text.length - 1 ? 1 << 31 : 0)]);
}

/** A task created at `time`, with its name. */
const created = (time: number, task: number, name: string): Row[] => [[time, TaskCreated, task], ...chars(time, TaskNameChar, task, name)];
const suspend = (time: number, task: number, kind: AwaitKind, words = 0): Row => [time, TaskSuspend, task, kind | (words << 4)];

function build(workers: number, ...batches: TraceEvent[][]): TimelineModel {
  const builder = new TimelineBuilder({ workers, names: new Map(), origin: 0 });
  for (const batch of batches) builder.add(batch);
  builder.advance(100);
  return builder.model;
}

/** A lane as [state, start, end, words] rows. */
function rows(model: TimelineModel, lane: Lane): (string | number)[][] {
  return Array.from({ length: lane.count }, (_, i) => [LANE_STATE_NAMES[lane.states[i]!]!, lane.starts[i]!, segmentEnd(model, lane, i), model.words.get(lane.objects[i]!) ?? ""]);
}

/** A virtual loop on worker 0: main creates fetch, awaits it; fetch awaits I/O for 50 ms. */
const virtualRun: Row[] = [
  [0, Start],
  [1, LoopStart, 0, 1],
  ...created(1, 0, "main"),
  [1, TaskStep, 0],
  ...created(1, 1, "fetch"),
  ...chars(1, WordsChar, 1, "task fetch"),
  suspend(1, 0, AwaitKind.Tasks, 1),
  [1, TaskStep, 1],
  ...chars(1, WordsChar, 2, "I/O of 0.05 s"),
  suspend(1, 1, AwaitKind.Io, 2),
  [51, LoopLag, 0, 0],
  [51, TaskStep, 1],
  suspend(51, 1, AwaitKind.Done),
  [51, TaskStep, 0],
  suspend(51, 0, AwaitKind.Done),
  [51, LoopEnd],
  // The worker's own end, on its own clock: the virtual loop took no real time.
  [2, End],
];

describe("TimelineBuilder, an asyncio loop's tasks", () => {
  it("gives each task a lane by name, after its loop's worker and before the executor's: what it awaits, in words, then done", () => {
    const model = build(2, ev(0, ...virtualRun), ev(1, [0, Start], [1, Wait, 700], [60, Wake, 700], [61, End]));
    expect(model.lanes.map((lane) => [lane.name, lane.worker, lane.task])).toEqual([
      ["A", 0, -1],
      ["main", 0, 0],
      ["fetch", 0, 1],
      ["B", 1, -1],
    ]);
    expect(rows(model, model.lanes[1]!)).toEqual([
      ["awaiting-tasks", 1, 51, "task fetch"],
      ["done", 51, 100, ""],
    ]);
    expect(rows(model, model.lanes[2]!)).toEqual([
      ["io", 1, 51, "I/O of 0.05 s"],
      ["done", 51, 100, ""],
    ]);
    expect(model.loop).toMatchObject({ worker: 0, clock: "virtual", tasks: 2 });
  });

  it("draws a virtual loop's worker from the loop's events alone: idle between steps, done when the loop closes, not on its own clock", () => {
    // Its own events are on the real clock: a wait for an executor's result, really 2 ms in.
    const own: Row[] = [
      [2, Wait, 700],
      [2, Wake, 700],
    ];
    const model = build(1, ev(0, ...virtualRun.slice(0, 10), ...own, ...virtualRun.slice(10)));
    const lane = model.lanes[0]!;
    expect(rows(model, lane).map(([state, start]) => [state, start])).toEqual([
      ["running", 0],
      ["idle", 1],
      ["done", 51],
    ]);
    expect(Array.from(lane.objects.subarray(0, lane.count))).toEqual([0, 0, 0]);
    expect(lane.waits).toBe(0);
  });

  it("on the real clock, keeps the worker's own GIL: idle between steps while it holds it, wanting it when it does not", () => {
    const model = build(
      1,
      ev(0, [0, Start], [0, GilTake], [1, LoopStart, 0, 0], ...created(1, 0, "main"), [2, TaskStep, 0], suspend(4, 0, AwaitKind.Sleep), [6, GilDrop], [8, GilTake], [10, TaskStep, 0], suspend(12, 0, AwaitKind.Done), [12, LoopEnd], [13, End]),
    );
    expect(rows(model, model.lanes[0]!).map(([state, start]) => [state, start])).toEqual([
      ["gil", 0],
      ["idle", 1],
      ["gil", 2],
      ["idle", 4],
      ["runnable", 6],
      ["idle", 8],
      ["gil", 10],
      ["done", 13],
    ]);
  });

  it("calls a task 'Task n' until its name has come whole, and for good when its first characters were lost", () => {
    const name = chars(1, TaskNameChar, 0, "main");
    const partial = build(1, ev(0, [0, LoopStart], [1, TaskCreated, 0], ...name.slice(0, 2)));
    expect(partial.lanes[1]!.name).toBe("Task 1");
    const whole = build(1, ev(0, [0, LoopStart], [1, TaskCreated, 0], ...name.slice(0, 2)), ev(0, ...name.slice(2)));
    expect(whole.lanes[1]!.name).toBe("main");
    const lost = build(1, ev(0, [0, LoopStart], [1, TaskCreated, 0], ...name.slice(1)));
    expect(lost.lanes[1]!.name).toBe("Task 1");
  });

  it("draws a lane for each of the first tasks only, and counts them all", () => {
    const tasks = MAX_TASK_LANES + 4;
    const model = build(1, ev(0, [0, LoopStart], ...Array.from({ length: tasks }, (_, i) => created(i, i, `t${i}`)).flat()));
    expect(model.lanes).toHaveLength(1 + MAX_TASK_LANES);
    expect(model.loop!.tasks).toBe(tasks);
    expect(model.lanes.at(-1)!.name).toBe(`t${MAX_TASK_LANES - 1}`);
  });

  it("keeps the lag samples in order, with their peak in ms", () => {
    const model = build(1, ev(0, [0, LoopStart], [10, LoopLag, 0, 250], [20, LoopLag, 0, 98_000], [30, LoopLag, 0, 1_000]));
    const { lag } = model.loop!;
    expect(Array.from(lag.times.subarray(0, lag.count))).toEqual([10, 20, 30]);
    expect(Array.from(lag.lags.subarray(0, lag.count))).toEqual([0.25, 98, 1]);
    expect(lag.peak).toBe(98);
  });

  it("marks where the page lost a loop worker's events on its lane and on every task's, and only on theirs", () => {
    const builder = new TimelineBuilder({ workers: 2, names: new Map(), origin: 0 });
    builder.add([...ev(0, ...virtualRun), ...ev(1, [0, Start])]);
    builder.lost({ worker: 0, from: Number.NaN, to: 1 });
    builder.lost({ worker: 0, from: 30, to: 40 });
    const gaps = (lane: Lane) => Array.from({ length: lane.gapCount }, (_, g) => [lane.gapStarts[g], lane.gapEnds[g]]);
    const { lanes } = builder.model;
    for (const lane of lanes.slice(0, 3)) expect(gaps(lane)).toEqual([[0, 1], [30, 40]]);
    expect(gaps(lanes[3]!)).toEqual([]);
  });
});
