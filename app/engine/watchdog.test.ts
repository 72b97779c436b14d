import { afterAll, describe, expect, it } from "vitest";
import { compileScenario } from "./compile";
import { createNodePool } from "./node-pool";
import { startRun, type RunOutcome } from "./run";

const pool = createNodePool();
afterAll(() => pool.close());

async function run(workerBody: string, workers = 2): Promise<RunOutcome> {
  const compiled = compileScenario(`
import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: ${workers},
  setup: (shared) => ({ a: shared.lock("fork_a"), b: shared.lock("fork_b"), ready: shared.int("ready") }),
  worker: ({ a, b, ready }, { id }) => { ${workerBody} },
  result: () => 0,
});`);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return startRun(pool, { js: compiled.js, params: {}, goals: [], timeLimitMs: 10_000 }).outcome;
}

describe("the watchdog", () => {
  it("names the cycle of a two-lock deadlock and stops the run", async () => {
    const outcome = await run(`
      const [first, second] = id === 0 ? [a, b] : [b, a];
      first.acquire();
      ready.add(1);
      while (ready.get() < 2) {}
      second.acquire();`);
    if (outcome.status !== "deadlock") throw new Error(JSON.stringify(outcome));
    expect(outcome.deadlock.cycle).toBe(true);
    expect(outcome.deadlock.message).toMatch(
      /^Deadlock: (A waits for lock fork_b held by B, which waits for lock fork_a held by A|B waits for lock fork_a held by A, which waits for lock fork_b held by B)\.$/,
    );
    expect(outcome.elapsedMs).toBeLessThan(5_000);
  });

  it("calls a plain Lock taken twice by its holder a self-deadlock", async () => {
    const outcome = await run("if (id === 0) { a.acquire(); a.acquire(); }");
    if (outcome.status !== "deadlock") throw new Error(JSON.stringify(outcome));
    expect(outcome.deadlock.message).toMatch(/^Self-deadlock: worker A waits for lock fork_a, which it already holds/);
  });

  it("leaves alone a wait with a timeout, and workers that finish", async () => {
    // B's wait outlasts the watchdog's 500 ms, but it has a timeout: it will end by itself.
    const outcome = await run('if (id === 0) { a.acquire(); ready.set(1); } else { while (ready.get() === 0) {} if (a.acquire(1)) throw new Error("took a held lock"); }');
    expect(outcome.status).toBe("done");
  });
});
