/** Explore over asyncio tasks on real Node workers: each bug is found with the fewest out-of-order arrivals, each fix proved. */
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario } from "../compile";
import { createNodePool } from "../node-pool";
import { explore, replay, type ExploreRequest } from "./explore";
import { encodeTaskSchedule } from "./schedule";
import { TaskRuns } from "./task-runs";
import type { Goal } from "../course/lesson";

const pool = createNodePool(2);
afterAll(() => pool.close());

function compiled(main: string, result = "(state) => state"): string {
  const out = compileScenario(`import { defineAsyncScenario, param } from "interleave";
export default defineAsyncScenario({
  params: { tasks: param.int({ default: 3, min: 1, max: 10 }) },
  setup: () => ({ counter: 0, order: [] }),
  main: ${main},
  result: ${result},
});`);
  if (!out.ok) throw new Error(out.error.message);
  return out.js;
}

const search = (main: string, promise: Goal | null = null, extra: Partial<ExploreRequest> = {}) =>
  explore(pool, { js: compiled(main), params: { tasks: 3 }, promises: promise ? [promise] : [], random: false, ...extra });

const allCounted: Goal = { id: "all", text: "every task's update is counted", check: "result.counter === params.tasks" };
const fastFirst: Goal = { id: "fast-first", text: "the fast reply is handled first", check: 'result.order[0] === "fast"' };

const lostUpdate = (body: string) => `async (state, loop, params) => {
  const add = async () => { ${body} };
  await loop.gather(Array.from({ length: params.tasks }, () => add));
}`;

describe("Explore over asyncio tasks", () => {
  it("finds the update lost across an await in the nominal schedule, and shows each task's steps", async () => {
    const result = await search(lostUpdate("const seen = state.counter; await loop.io(0.01); state.counter = seen + 1;"), allCounted);
    expect(result.failure).toMatchObject({ kind: "broken", preemptions: 0, strategy: "bounded" });
    expect(result.failure!.message).toMatch(/^No longer holds: every task's update is counted\. The result was .*"counter":1/);
    const tasks = result.failure!.tasks!;
    expect(tasks.lanes).toEqual(["event loop", "main", "Task-1", "Task-2", "Task-3"]);
    expect(tasks.steps.filter((s) => s.lane === 2).map((s) => s.words)).toEqual(["starts, awaits I/O of 0.01 s", "ends"]);
    expect(tasks.steps.find((s) => s.lane === 2)!.line).toBe(6);
  });

  it("proves the fixes: with a lock there is one schedule; updating between awaits holds in every order of the replies", async () => {
    const locked = await search(
      `async (state, loop, params) => {
        const lock = loop.lock("counter");
        const add = async () => lock.hold(async () => { const seen = state.counter; await loop.io(0.01); state.counter = seen + 1; });
        await loop.gather(Array.from({ length: params.tasks }, () => add));
      }`,
      allCounted,
    );
    // One task at a time holds the lock across its I/O: never two replies out at once, so nothing to choose.
    expect(locked).toMatchObject({ failure: null, complete: true, schedules: 1 });
    const between = await search(lostUpdate("await loop.io(0.01); state.counter += 1;"), allCounted);
    expect(between).toMatchObject({ failure: null, complete: true, exhaustive: true });
    // At least every order in which the three replies can come.
    expect(between.schedules).toBeGreaterThanOrEqual(6);
  });

  it("needs one out-of-order arrival to find code that assumes the faster reply comes first", async () => {
    const main = `async (state, loop) => {
      const fetch = (name, seconds) => async () => { await loop.io(seconds); state.order.push(name); };
      await loop.gather([fetch("slow", 0.2), fetch("fast", 0.1)]);
    }`;
    const result = await search(main, fastFirst);
    expect(result.failure).toMatchObject({ kind: "broken", preemptions: 1, strategy: "bounded" });
    const arrivals = result.failure!.tasks!.steps.filter((s) => s.lane === 0);
    expect(arrivals[0]).toMatchObject({ words: "Task-1's I/O of 0.2 s completes first, sooner than its time", preemption: true });
  });

  it("replays a found schedule's string to the same failure, and refuses it once the code changes", async () => {
    const main = `async (state, loop) => {
      const fetch = (name, seconds) => async () => { await loop.io(seconds); state.order.push(name); };
      await loop.gather([fetch("slow", 0.2), fetch("fast", 0.1)]);
    }`;
    const source = `// the scenario as the student wrote it\n${main}`;
    const request = { js: compiled(main), params: { tasks: 3 }, promises: [fastFirst], random: false };
    const found = await explore(pool, request);
    const text = encodeTaskSchedule(found.failure!.choices, source, request.params);
    expect(text).toMatch(/^v1\.[0-9a-f]{8}\.t1$/);
    const again = await replay(pool, request, source, text);
    expect(again).toMatchObject({ execution: { steps: [], diverged: false, failure: { kind: "broken", message: found.failure!.message } } });
    expect("execution" in again && again.execution.failure!.tasks!.steps).toEqual(found.failure!.tasks!.steps);
    expect(await replay(pool, request, `${source} `, text)).toEqual({ problem: expect.stringMatching(/^Code changed/) });
    // A position past the arrivals on offer: not this scenario's schedule.
    const far = await replay(pool, request, source, text.replace(/t1$/, "t7"));
    expect(far).toMatchObject({ execution: { diverged: true, failure: { kind: "diverged" } } });
  });

  it("finds the timeout that fires before the I/O it guards", async () => {
    const result = await search(`async (state, loop) => { await loop.timeout(1, () => loop.io(0.5)); }`);
    expect(result.failure).toMatchObject({ kind: "error", preemptions: 1 });
    expect(result.failure!.message).toMatch(/^TimeoutError: Timed out after 1 s\./);
  });

  it("claims no completeness when the tasks call Math.random, and says so", async () => {
    // Its paths never repeat, so the search would go on to its budget: a second is plenty.
    const result = await search(lostUpdate("await loop.io(Math.random() / 100); state.counter += 1;"), allCounted, { budgetMs: 1_000 });
    expect(result).toMatchObject({ failure: null, complete: false, exhaustive: false });
    expect(result.nondeterminism!.random).toBeGreaterThan(0);
  });

  it("runs an executor's job inline, its result arriving in any order with the I/O", async () => {
    const out = compileScenario(`import { defineAsyncScenario } from "interleave";
const crunch = (n) => n * 2;
export default defineAsyncScenario({
  params: {},
  executor: () => ({ kind: "processes", workers: 2 }),
  jobs: { crunch },
  setup: () => ({ order: [] }),
  main: async (state, loop) => {
    const job = async () => { state.order.push("job " + (await loop.runInExecutor(crunch, 21))); };
    const read = async () => { await loop.io(0.01); state.order.push("io"); };
    await loop.gather([job, read]);
  },
  result: (state) => state,
});`);
    if (!out.ok) throw new Error(out.error.message);
    const jobFirst: Goal = { id: "job-first", text: "the job's result comes first", check: 'result.order[0] === "job 42"' };
    const result = await explore(pool, { js: out.js, params: {}, promises: [jobFirst], random: false });
    expect(result.failure).toMatchObject({ kind: "broken", preemptions: 1 });
    expect(result.failure!.tasks!.steps.filter((s) => s.lane === 0).map((s) => s.words)).toContain("Task-2's I/O of 0.01 s completes first, sooner than its time");
  });

  it("reports an asyncio Lock taken twice as a deadlock, with what each task waits for", async () => {
    const result = await search(`async (state, loop) => { const lock = loop.lock("L"); await lock.acquire(); await lock.acquire(); }`);
    expect(result.failure).toMatchObject({ kind: "deadlock", preemptions: 0 });
    expect(result.failure!.message).toMatch(/main waits for lock L/);
  });

  it("reports a task leaked past main as a failure", async () => {
    const result = await search(`async (state, loop) => { loop.createTask(() => loop.io(5), "fire-and-forget"); await loop.io(1); }`);
    expect(result.failure).toMatchObject({ kind: "broken" });
    expect(result.failure!.message).toMatch(/^Still pending when main returned, so cancelled as asyncio\.run does: fire-and-forget\./);
  });

  it("finds at random what the bound leaves out, and shrinks it to its one out-of-order arrival", async () => {
    const main = `async (state, loop) => {
      const fetch = (name, seconds) => async () => { await loop.io(seconds); state.order.push(name); };
      await loop.gather([fetch("a", 0.1), fetch("b", 0.2), fetch("c", 0.3), fetch("fast", 0.05), fetch("d", 0.4)]);
    }`;
    const result = await search(main, fastFirst, { maxPreemptions: 0, random: true, seed: 11, budgetMs: 5_000 });
    expect(result.failure).toMatchObject({ kind: "broken", strategy: "random walk", preemptions: 1 });
    expect(result.randomSchedules).toBeGreaterThan(0);
  });

  it("stops where step mode asks: after a number of task steps, or at a choice, offering its arrivals in words", async () => {
    const main = `async (state, loop) => {
      const fetch = (name, seconds) => async () => { await loop.io(seconds); state.order.push(name); };
      await loop.gather([fetch("slow", 0.2), fetch("fast", 0.1)]);
    }`;
    const opened = await TaskRuns.open(pool, compiled(main), { tasks: 1 }, []);
    if ("error" in opened) throw new Error(opened.error.message);
    try {
      const afterTwo = await opened.run({ prefix: [], stopAfterSteps: 2 });
      expect("report" in afterTwo && afterTwo.report.ending).toEqual({ kind: "paused", standing: ["awaits a gather of task Task-1, task Task-2", "awaits I/O of 0.2 s", "ready to start"], offered: [] });
      const atChoice = await opened.run({ prefix: [], stopAfterSteps: 10, pauseAtChoice: true });
      expect("report" in atChoice && atChoice.report.ending).toEqual({
        kind: "paused",
        standing: ["awaits a gather of task Task-1, task Task-2", "awaits I/O of 0.2 s", "awaits I/O of 0.1 s"],
        offered: [
          { words: "Task-2's I/O of 0.1 s completes", preemption: false },
          { words: "Task-1's I/O of 0.2 s completes first, sooner than its time", preemption: true },
        ],
      });
    } finally {
      opened.close();
    }
  });

  it("says a task that never awaits holds the loop, and replaces the worker", async () => {
    const goals: never[] = [];
    const opened = await TaskRuns.open(pool, compiled(`async () => { for (;;) {} }`), { tasks: 1 }, goals, 300);
    if ("error" in opened) throw new Error(opened.error.message);
    const outcome = await opened.run({ prefix: [] });
    opened.close();
    expect(outcome).toEqual({ stuck: "A task ran 0.3 s without awaiting or ending, so no other task could run: look for a loop without an await." });
  });
});
