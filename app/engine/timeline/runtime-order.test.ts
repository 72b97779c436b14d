/**
 * The builder against what the runtime really emits: first the runtime's
 * own calls on one thread (blocking, I/O and the GIL, in their real order),
 * then a whole GIL-mode run on Node workers with a contended lock.
 */
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario } from "../compile";
import { createNodePool } from "../node-pool";
import { startRun } from "../run";
import { configureGil } from "../../runtime/gil";
import { Arena, createRunMemory, layoutOf } from "../../runtime/memory";
import { Thread } from "../../runtime/thread";
import { TraceReader, now } from "../../runtime/trace";
import { ioWait } from "../../runtime/work";
import { TimelineBuilder } from "./builder";
import { LANE_STATE_NAMES, LaneState } from "./lane-state";
import type { Lane, TimelineModel } from "./model";
import { objectNames } from "./object-names";
import { segmentEnd } from "./query";

const pool = createNodePool();
afterAll(() => pool.close());

const statesOf = (lane: Lane) => Array.from(lane.states.subarray(0, lane.count), (s) => LANE_STATE_NAMES[s]);

function readAll(memory: SharedArrayBuffer, workers: number, names: ReadonlyMap<number, string>, origin: number): TimelineModel {
  const reader = new TraceReader(memory, layoutOf(new Int32Array(memory)), workers);
  const builder = new TimelineBuilder({ workers, names, origin });
  builder.add(reader.drain(), reader.dropped);
  return builder.model;
}

describe("the runtime's own event order", () => {
  it("one GIL-mode thread: a wait that ends at once, then I/O", () => {
    const memory = createRunMemory({ traceCapacity: 64 });
    const arena = new Arena(memory);
    configureGil(arena.words, "gil");
    const lock = arena.allocate("lock", "L", 2);
    const origin = now();
    const thread = new Thread(arena, 0);
    thread.gil.take();
    // The word does not hold 1: Atomics.wait returns "not-equal" at once, after the full Wait/GilDrop/GilTake/Wake sequence.
    thread.block(lock, 1, 10, lock);
    ioWait(thread, 2);
    spin(0.05);
    thread.gil.drop();
    const model = readAll(memory, 1, objectNames(arena.allocations), origin);
    const lane = model.lanes[0]!;
    expect(model.gilMode).toBe(true);
    // Runnable moments between two events of one runtime call may share a clock tick and vanish.
    expect(statesOf(lane).filter((s) => s !== "runnable")).toEqual(["gil", "waiting", "gil", "io", "gil"]);
    expect(statesOf(lane).at(-1)).toBe("runnable");
    const io = statesOf(lane).indexOf("io");
    expect(segmentEnd(model, lane, io) - lane.starts[io]!).toBeGreaterThanOrEqual(1.9);
    expect(lane.objects[statesOf(lane).indexOf("waiting")]).toBe(lock);
  });
});

describe("a GIL-mode run on Node workers", () => {
  it("shows the GIL held by one lane at a time, the blocked worker waiting on the lock by name, I/O and done", async () => {
    const source = `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  interpreter: () => ({ mode: "gil" }),
  setup: (shared) => ({ lock: shared.lock("L"), held: shared.int("held") }),
  worker: ({ lock, held }, { id, io, cpu, mark }) => {
    if (id === 0) { lock.acquire(); held.set(1); io(30); lock.release(); }
    else { while (held.get() === 0) io(1); lock.acquire(); lock.release(); }
    cpu(20);
    mark(id);
  },
  result: () => 0,
});`;
    const compiled = compileScenario(source);
    if (!compiled.ok) throw new Error(compiled.error.message);
    const origin = now();
    const handle = startRun(pool, { js: compiled.js, params: {}, goals: [], timeLimitMs: 20_000 });
    const outcome = await handle.outcome;
    expect(outcome.status).toBe("done");
    const model = readAll(handle.memory, 2, objectNames(handle.objects), origin);
    const [a, b] = model.lanes as [Lane, Lane];
    expect(model.gilMode).toBe(true);
    expect(model.dropped).toBe(0);
    expect(statesOf(a)).toContain("io");
    const waiting = statesOf(b).indexOf("waiting");
    expect(waiting).toBeGreaterThan(0);
    expect(model.names.get(b.objects[waiting]!)).toBe("L");
    for (const lane of [a, b]) {
      expect(lane.states[lane.count - 1]).toBe(LaneState.Done);
      expect(lane.markCount).toBe(1);
    }
    expectGilExclusive(model);
  });
});

/** Busy for `ms`, so that the next event gets a clock tick of its own. */
function spin(ms: number): void {
  const until = now() + ms;
  while (now() < until);
}

/** The GIL is one lock: held intervals of different lanes never overlap (beyond clock skew between workers). */
function expectGilExclusive(model: TimelineModel): void {
  const held = model.lanes.flatMap((lane) =>
    Array.from({ length: lane.count }, (_, i) => i)
      .filter((i) => lane.states[i] === LaneState.Gil)
      .map((i) => [lane.starts[i]!, segmentEnd(model, lane, i)] as const),
  );
  held.sort((x, y) => x[0] - y[0]);
  for (let i = 1; i < held.length; i++) expect(held[i]![0]).toBeGreaterThan(held[i - 1]![1] - 0.5);
}
