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
  });
});
