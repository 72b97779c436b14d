/** Scenario console output on real Node workers, through the runner as the page runs it: kept per worker, capped, counted past the cap. */
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario } from "../engine/compile";
import { createNodePool } from "../engine/node-pool";
import { startRun } from "../engine/run";
import { MAX_LINES } from "./console-capture";

const pool = createNodePool(2);
afterAll(() => pool.close());

function run(worker: string) {
  const compiled = compileScenario(`import { defineScenario, param } from "interleave";
export default defineScenario({
  params: { n: param.int({ default: 3, min: 0, max: 2000000 }) },
  workers: 2,
  setup: () => { console.log("setup ran"); return {}; },
  worker: ${worker},
  result: () => 0,
});`);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return (params: { n: number }) => startRun(pool, { js: compiled.js, params, goals: [], timeLimitMs: 20_000 }).outcome;
}

describe("console output", () => {
  it("is kept per worker, in order, with objects as JSON and warnings marked", async () => {
    const outcome = await run(`(state, { id, params }) => { for (let i = 0; i < params.n; i++) console.log("step", i, { id }); if (id === 1) console.warn("careful"); }`)({ n: 3 });
    if (outcome.status !== "done") throw new Error(outcome.status);
    const [a, b] = outcome.workers.map((w) => w.console);
    expect(a!.lines).toEqual(["setup ran", 'step 0 {"id":0}', 'step 1 {"id":0}', 'step 2 {"id":0}']);
    expect(b!.lines).toEqual(['step 0 {"id":1}', 'step 1 {"id":1}', 'step 2 {"id":1}', "warn: careful"]);
    expect(a!.dropped + b!.dropped).toBe(0);
  });

  it("keeps each worker's first lines of a run and counts the rest: a million calls end in a short list", async () => {
    const many = run(`(state, { params }) => { for (let i = 0; i < params.n; i++) console.log(i); }`);
    const outcome = await many({ n: 1_000_000 });
    if (outcome.status !== "done") throw new Error(outcome.status);
    const [a, b] = outcome.workers.map((w) => w.console);
    // Worker A's first line is setup's.
    expect(a!.lines).toHaveLength(MAX_LINES);
    expect(a!.lines.at(-1)).toBe(String(MAX_LINES - 2));
    expect(a!.dropped).toBe(1_000_001 - MAX_LINES);
    expect(b!.lines).toHaveLength(MAX_LINES);
    expect(b!.lines.at(-1)).toBe(String(MAX_LINES - 1));
    expect(b!.dropped).toBe(1_000_000 - MAX_LINES);
    // The next run starts with an empty console.
    const next = await many({ n: 1 });
    expect(next.status === "done" && next.workers[1]!.console).toEqual({ lines: ["0"], dropped: 0 });
  });

  it("comes with a failing body's error: what it logged before it threw", async () => {
    const outcome = await run(`(state, { id }) => { if (id === 1) { console.log("about to fail"); throw new Error("boom"); } }`)({ n: 0 });
    expect(outcome).toMatchObject({ status: "error", error: { message: "boom", workerId: 1, console: { lines: ["about to fail"], dropped: 0 } } });
  });
});
