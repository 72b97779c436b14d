/**
 * The loop's trace on real Node workers, through the engine as the page
 * reads it (engine/run-trace.ts): a lane per task by name, in the states
 * its steps ended in, and the loop's lag.
 */
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario } from "../../engine/compile";
import { createNodePool } from "../../engine/node-pool";
import { startRun } from "../../engine/run";
import { RunTrace } from "../../engine/run-trace";
import { LANE_STATE_NAMES, LaneState } from "../../engine/timeline/lane-state";
import type { Lane, TimelineModel } from "../../engine/timeline/model";
import { segmentEnd } from "../../engine/timeline/query";

const pool = createNodePool(3);
afterAll(() => pool.close());

async function timeline(declarations: string, main: string): Promise<TimelineModel> {
  const compiled = compileScenario(`import { defineAsyncScenario } from "interleave";
const crunch = (n, ctx) => { ctx.cpu(n); return n; };
export default defineAsyncScenario({
  params: {},
  ${declarations}
  setup: () => ({}),
  main: ${main},
  result: () => 0,
});`);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const handle = startRun(pool, { js: compiled.js, params: {}, goals: [], timeLimitMs: 20_000 });
  const outcome = await handle.outcome;
  expect(outcome.status === "done" ? outcome.workers.flatMap((w) => w.notes) : outcome).toEqual([]);
  const model = new RunTrace(handle).finish(outcome)!;
  expect(model.dropped).toBe(0);
  return model;
}

/** A lane as [state, ms from `zero`, words] rows. */
function rows(model: TimelineModel, lane: Lane, zero: number): [string, number, string][] {
  return Array.from({ length: lane.count }, (_, i) => [LANE_STATE_NAMES[lane.states[i]!]!, Math.round(lane.starts[i]! - zero), model.words.get(lane.objects[i]!) ?? ""]);
}

const byName = (model: TimelineModel, name: string): Lane => model.lanes.find((lane) => lane.name === name)!;

describe("the loop's trace, on the virtual clock", () => {
  it("gives each task a lane by name after the loop's worker: ready, running, then what it awaits in words, and how it ended; the lag is CPU work's length", async () => {
    const model = await timeline(
      "",
      `async (state, loop) => {
        const lock = loop.lock("L");
        const fetch = async () => { await loop.io(0.05); };
        const hog = async () => { await loop.sleep(0.01); loop.cpu(100); };
        const holder = async () => { await lock.acquire(); await loop.sleep(0.02); lock.release(); };
        const doomed = loop.createTask(() => loop.sleep(10), "doomed");
        const failing = loop.createTask(async () => { await loop.sleep(0.001); throw new RangeError("no"); }, "failing");
        await loop.gather([loop.createTask(fetch, "fetch-1"), loop.createTask(fetch, "fetch-2"), loop.createTask(hog, "hog"), loop.createTask(holder, "holder"), loop.createTask(holder, "queued")]);
        doomed.cancel();
        try { await doomed; } catch {}
        try { await failing; } catch {}
      }`,
    );
    expect(model.lanes.map((lane) => lane.name)).toEqual(["A", "main", "doomed", "failing", "fetch-1", "fetch-2", "hog", "holder", "queued"]);
    expect(model.loop).toMatchObject({ worker: 0, clock: "virtual", tasks: 8 });
    const main = byName(model, "main");
    const zero = main.starts[0]!;
    // The virtual clock stands still while tasks run: main starts, creates its tasks and awaits them at 0.
    expect(rows(model, main, zero)[0]).toEqual(["awaiting-tasks", 0, expect.stringMatching(/^a gather of task fetch-1, task fetch-2, task hog/)]);
    expect(rows(model, byName(model, "fetch-1"), zero)).toEqual([
      ["io", 0, "I/O of 0.05 s"],
      ["done", 110, ""],
    ]);
    // CPU work on the loop moves the virtual clock by its length: hog runs from 10 ms to 110 ms.
    expect(rows(model, byName(model, "hog"), zero)).toEqual([
      ["sleeping", 0, "a sleep"],
      ["running", 10, ""],
      ["done", 110, ""],
    ]);
    expect(rows(model, byName(model, "queued"), zero)).toEqual([
      ["waiting", 0, "lock L"],
      ["sleeping", 110, "a sleep"],
      ["done", 130, ""],
    ]);
    expect(rows(model, byName(model, "failing"), zero).at(-1)).toEqual(["failed", 1, ""]);
    expect(rows(model, byName(model, "doomed"), zero).at(-1)).toEqual(["cancelled", 130, ""]);
    // holder's sleep, due at 20 ms, resumed at 110: the lag of hog's 100 ms of work.
    expect(model.loop!.lag.peak).toBeCloseTo(90, 3);
    // The loop's worker runs steps and is otherwise idle, on the loop's time; it is done when the loop closes.
    const loopLane = model.lanes[0]!;
    const states = rows(model, loopLane, zero).map(([state]) => state);
    expect(new Set(states)).toEqual(new Set(["running", "idle", "done"]));
    expect(loopLane.starts[loopLane.count - 1]! - zero).toBeCloseTo(130, 3);
  });

  it("measures lag as a Python monitor does, to when the task resumes: an I/O that arrives while CPU work is ready waits for all of it", async () => {
    // At 10 ms hog's I/O and crunch's timer are due; hog's 5 ms of work makes fetch's I/O (due at 10.5) arrive beside crunch's step.
    const model = await timeline(
      "",
      `async (state, loop) => {
        const hog = async () => { await loop.io(0.01); loop.cpu(5); };
        const crunch = async () => { await loop.sleep(0.01); loop.cpu(200); };
        const fetch = async () => { await loop.io(0.0105); };
        await loop.gather([loop.createTask(hog, "hog"), loop.createTask(crunch, "crunch"), loop.createTask(fetch, "fetch")]);
      }`,
    );
    const zero = byName(model, "main").starts[0]!;
    expect(rows(model, byName(model, "fetch"), zero).map(([state, ms]) => [state, ms])).toEqual([
      ["io", 0],
      ["done", 215],
    ]);
    // fetch resumed at 215 ms, 204.5 ms after its I/O was due; crunch at 15, 5 late; hog on time.
    const lag = model.loop!.lag;
    expect(Array.from(lag.lags.subarray(0, lag.count), (ms) => Math.round(ms * 10) / 10)).toEqual([0, 5, 204.5]);
  });

  it("keeps a task's segments apart from its steps' count: a thousand sleep(0)s at one virtual instant leave one segment", async () => {
    const model = await timeline("", `async (state, loop) => { for (let i = 0; i < 1000; i++) await loop.sleep(0); }`);
    expect(model.lanes.map((lane) => lane.name)).toEqual(["A", "main"]);
    expect(rows(model, byName(model, "main"), byName(model, "main").starts[0]!)).toEqual([["done", 0, ""]]);
    expect(model.loop!.lag.count).toBe(0);
  });
});

describe("the loop's trace, on the real clock with a pool of threads", () => {
  it("shows a task awaiting its job while the pool's worker holds or wants the GIL, and CPU work on the loop as lag as long as the work", async () => {
    const model = await timeline(
      `executor: () => ({ kind: "threads", workers: 1 }), jobs: { crunch },`,
      `async (state, loop) => {
        await loop.sleep(0.01);
        const job = loop.createTask(() => loop.toThread(crunch, 30), "offloaded");
        const sleeper = loop.createTask(() => loop.sleep(0.005), "sleeper");
        await loop.sleep(0);
        loop.cpu(60);
        await job;
        await sleeper;
      }`,
    );
    expect(model.lanes.map((lane) => lane.name)).toEqual(["A", "main", "offloaded", "sleeper", "B"]);
    expect(model.loop!.clock).toBe("real");
    expect(model.gilMode).toBe(true);
    const offloaded = byName(model, "offloaded");
    expect(rows(model, offloaded, 0).find(([state]) => state === "job")?.[2]).toBe("job crunch on the thread pool");
    const statesOf = (lane: Lane) => new Set(Array.from(lane.states.subarray(0, lane.count), (s) => LANE_STATE_NAMES[s]));
    expect([...statesOf(byName(model, "B"))]).toEqual(expect.arrayContaining(["gil", "runnable"]));
    // Idle for the first sleep: no job was out, so the loop slept until its timer.
    expect([...statesOf(model.lanes[0]!)]).toContain("idle");
    // main's step with 60 units of CPU in it (and the GIL shared with the job) is its longest; the sleeper's timer came due 5 ms into it.
    const main = byName(model, "main");
    const running = Array.from({ length: main.count }, (_, i) => i).filter((i) => main.states[i] === LaneState.Running);
    const cpuMs = Math.max(...running.map((i) => segmentEnd(model, main, i) - main.starts[i]!));
    expect(cpuMs).toBeGreaterThan(30);
    expect(model.loop!.lag.peak).toBeGreaterThan(cpuMs - 10);
    expect(model.loop!.lag.peak).toBeLessThan(cpuMs + 10);
  });
});
