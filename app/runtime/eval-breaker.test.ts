/**
 * Where the simulated GIL may switch, on real Node workers: where CPython
 * 3.10+ may (function entries, loop iterations, calls), never between a read
 * and the write after it. The counts are large enough that a switch point
 * between the two is met hundreds of times a run: a loss there is no luck.
 */
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario } from "../engine/compile";
import { createNodePool } from "../engine/node-pool";
import { startRun } from "../engine/run";

const pool = createNodePool();
afterAll(() => pool.close());

/** Two workers adding 1 to a shared int, `increments` times each; the update's body as given. */
async function lost(mode: string, update: string, increments: number, switchIntervalMs = 1): Promise<number> {
  const compiled = compileScenario(`
import { defineScenario } from "interleave";
function pause() {}
export default defineScenario({
  params: {},
  workers: 2,
  interpreter: () => ({ mode: "${mode}", switchIntervalMs: ${switchIntervalMs} }),
  setup: (shared) => ({ counter: shared.int("counter") }),
  worker: ({ counter }) => {
    for (let i = 0; i < ${increments}; i++) { ${update} }
  },
  result: ({ counter }) => 2 * ${increments} - counter.get(),
});`);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const outcome = await startRun(pool, { js: compiled.js, params: {}, goals: [], timeLimitMs: 60_000 }).outcome;
  if (outcome.status !== "done") throw new Error(JSON.stringify(outcome));
  return outcome.result as number;
}

const PLAIN = "const seen = counter.get(); counter.set(seen + 1);";
const CALL_BETWEEN = "const seen = counter.get(); pause(); counter.set(seen + 1);";

describe("the GIL's switch points", () => {
  it("never switch between a read and the write after it: the plain loop loses nothing, at CPython's default interval and at a 1 ms one", async () => {
    expect(await lost("gil", PLAIN, 300_000, 5)).toBe(0);
    expect(await lost("gil", PLAIN, 300_000, 1)).toBe(0);
    expect(await lost("gil", "counter.set(counter.get() + 1);", 300_000, 1)).toBe(0);
  });

  it("include a function's entry: a call between the read and the write lets the other worker in, and updates are lost", async () => {
    expect(await lost("gil", CALL_BETWEEN, 1_000_000)).toBeGreaterThan(0);
  });

  it("are no limit without a GIL: free-threaded workers lose updates of the plain loop", async () => {
    expect(await lost("free-threaded", PLAIN, 1_000_000)).toBeGreaterThan(0);
  });
});
