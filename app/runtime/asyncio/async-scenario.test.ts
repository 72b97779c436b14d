/** asyncio scenarios on real Node workers, through the runner as the page runs them. */
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario } from "../../engine/compile";
import { createNodePool } from "../../engine/node-pool";
import { startRun } from "../../engine/run";

const pool = createNodePool(2);
afterAll(() => pool.close());

function compiled(main: string, result = "(state) => state.counter"): string {
  const out = compileScenario(`import { defineAsyncScenario, param } from "interleave";
export default defineAsyncScenario({
  params: { tasks: param.int({ default: 3, min: 1, max: 10 }) },
  setup: () => ({ counter: 0 }),
  main: ${main},
  result: ${result},
});`);
  if (!out.ok) throw new Error(out.error.message);
  return out.js;
}

const run = (js: string) => startRun(pool, { js, params: { tasks: 3 }, goals: [], timeLimitMs: 20_000 }).outcome;

describe("asyncio scenarios on the runner", () => {
  it("lose every update but one when tasks read, await, then write: the loop runs each to its await, in turn", async () => {
    const outcome = await run(
      compiled(`async (state, loop, params) => {
        const add = async () => { const seen = state.counter; await loop.sleep(0.01); state.counter = seen + 1; };
        await loop.gather(Array.from({ length: params.tasks }, () => add));
      }`),
    );
    expect(outcome).toMatchObject({ status: "done", result: 1 });
    expect(outcome.status === "done" && outcome.workers.flatMap((w) => w.notes)).toEqual([]);
  });

  it("names a task left pending when main returns, in the run's notes", async () => {
    const outcome = await run(compiled(`async (state, loop) => { loop.createTask(() => loop.sleep(60), "forgotten"); await loop.sleep(0); }`));
    expect(outcome.status).toBe("done");
    expect(outcome.status === "done" && outcome.workers.flatMap((w) => w.notes)).toEqual([
      "Still pending when main returned, so cancelled as asyncio.run does: forgotten. Await your tasks (or use a task group) before main ends.",
    ]);
  });

  it("ends with an error naming the task that awaited something the loop does not own", async () => {
    const outcome = await run(compiled(`async (state, loop) => { await loop.createTask(() => new Promise((r) => setTimeout(r, 10)), "sneaky"); }`));
    expect(outcome.status === "error" && outcome.error.message).toMatch(/^Task sneaky awaited something the event loop does not own/);
    // The line that created the task: the await at fault leaves no stack once suspended.
    expect(outcome.status === "error" && outcome.error.line).toBe(5);
  });

  it("ends as a deadlock, the run's own verdict, when no task can run, saying what each waits for", async () => {
    const outcome = await run(compiled(`async (state, loop) => { const lock = loop.lock("L"); await lock.acquire(); await lock.acquire(); }`));
    expect(outcome.status === "deadlock" && outcome.deadlock.message).toBe("Deadlock: no task is ready, and no timer or I/O is pending, so nothing can wake them: main waits for lock L.");
  });

  it("refuses a blocking call of a thread primitive from a task, naming the task, instead of stalling the loop", async () => {
    const source = compileScenario(`import { defineAsyncScenario } from "interleave";
export default defineAsyncScenario({
  params: {},
  setup: (shared) => ({ jobs: shared.queue("jobs", { maxsize: 4 }) }),
  main: async (state, loop) => { await loop.createTask(async () => state.jobs.get(), "consumer"); },
  result: () => null,
});`);
    if (!source.ok) throw new Error(source.error.message);
    const outcome = await run(source.js);
    expect(outcome.status === "error" && outcome.error.message).toMatch(/^Task consumer made a blocking call of a thread primitive \(a shared lock, queue, event\.\.\.\) on the event loop's thread/);
  });

  describe("with an executor", () => {
    const withPool = (kind: string, main: string, extra = "") =>
      compileScenario(`import { defineAsyncScenario, param } from "interleave";
const crunch = (n, ctx) => { ctx.cpu(n); return n * 2; };
const fail = () => { throw new RangeError("too big"); };
export default defineAsyncScenario({
  params: { tasks: param.int({ default: 3, min: 1, max: 10 }) },
  executor: () => ({ kind: "${kind}", workers: 2 }),
  jobs: { crunch, fail },
  ${extra}
  setup: () => ({ out: [] }),
  main: ${main},
  result: (state) => state.out,
});`);
    const js = (source: ReturnType<typeof compileScenario>) => {
      if (!source.ok) throw new Error(source.error.message);
      return source.js;
    };

    it("runs jobs on the pool's workers and brings their results back to the awaiting tasks, in order of the gather", async () => {
      const outcome = await run(js(withPool("processes", `async (state, loop) => { state.out = await loop.gather([1, 2, 3].map((n) => () => loop.runInExecutor(crunch, n))); }`)));
      expect(outcome).toMatchObject({ status: "done", result: [2, 4, 6], gilSwitches: 0 });
    });

    it("shares the GIL between the loop and a pool of threads, and raises a job's error in the task that awaits it", async () => {
      const outcome = await run(
        js(withPool("threads", `async (state, loop) => {
          state.out.push(await loop.toThread(crunch, 5));
          try { await loop.toThread(fail, 0); } catch (error) { state.out.push(error.name + ": " + error.message); }
        }`)),
      );
      expect(outcome).toMatchObject({ status: "done", result: [10, "RangeError: too big"] });
      // Every worker takes the GIL as its body starts: a pool of threads hands it over at least once.
      expect(outcome.status === "done" && outcome.gilSwitches).toBeGreaterThan(0);
    });

    it("says how to declare a job that is not one of the scenario's jobs, and refuses toThread on a pool of processes", async () => {
      const outcome = await run(
        js(withPool("processes", `async (state, loop) => {
          for (const call of [() => loop.runInExecutor((n) => n, 1), () => loop.toThread(crunch, 1)]) {
            try { await call(); } catch (error) { state.out.push(error.message); }
          }
        }`)),
      );
      const messages = outcome.status === "done" ? (outcome.result as string[]) : [];
      expect(messages[0]).toMatch(/^runInExecutor runs one of the scenario's jobs, and this function is not one: declare it in `jobs: \{ this function \}`/);
      expect(messages[1]).toMatch(/^toThread runs a job on a thread, and this scenario's executor is a pool of processes/);
    });
  });
});
