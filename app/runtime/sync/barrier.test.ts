/** Barrier on real Node workers, through whole runs (see testing.ts). */
import { describe, expect, it } from "vitest";
import { errorOf, expectMisuse, resultOf, scenarioRunner, type ScenarioParts } from "./testing";

const run = scenarioRunner();

/** `b` has `parties` parties and `options` (source text, which may use the ints and `state.b`). */
interface BarrierCase {
  readonly workers?: number;
  readonly parties?: number;
  readonly options?: string;
  readonly n?: number;
  readonly mode?: string;
}

const barrier = (body: string, { workers = 4, parties = workers, options = "{}", n = 1, mode }: BarrierCase = {}): ScenarioParts => ({
  workers,
  mode,
  n,
  setup: `(shared) => {
    const arrivals = shared.int("arrivals"), actions = shared.int("actions"), bad = shared.int("bad"), sum = shared.int("sum"), seen = shared.int("seen"), out = shared.int("out");
    const state = { arrivals, actions, bad, sum, seen, out };
    state.b = shared.barrier("B", ${parties}, ${options});
    return state;
  }`,
  worker: `({ b, arrivals, actions, bad, sum, seen, out }, { id, params, io }) => {
    ${body}
  }`,
  result: `({ actions, bad, sum, seen, out }) => ({ actions: actions.get(), bad: bad.get(), sum: sum.get(), seen: seen.get(), out: out.get() })`,
});

describe("Barrier (generation barrier with Python's broken, reset and abort)", () => {
  it.each(["free-threaded", "gil"])("keeps phases apart: 4 workers x 200 phases, arrival indices 0 to 3, the action once per phase between arrival and release (%s)", async (mode) => {
    const action = `{ action: () => { if (arrivals.get() !== 4 * (actions.get() + 1)) bad.add(1); actions.add(1); } }`;
    const body = `for (let k = 0; k < params.n; k++) {
      const arrival = arrivals.add(1);
      // Phase k's arrivals are numbered 4k+1 to 4k+4 only if no worker ran ahead into phase k+1.
      if (arrival <= 4 * k || arrival > 4 * (k + 1)) bad.add(1);
      sum.add(b.wait());
      if (actions.get() < k + 1) bad.add(1);
    }`;
    expect(resultOf(await run(barrier(body, { options: action, n: 200, mode })))).toEqual({ actions: 200, bad: 0, sum: 200 * 6, seen: 0, out: 0 });
  });

  it("serves more workers than parties: 4 workers sharing 1,200 waits on a barrier of 2 make 600 phases of two arrivals", async () => {
    // Tickets, not a fixed count per worker: otherwise the last worker could be left with waits and no partner.
    const body = `while (arrivals.add(1) <= 1200) sum.add(b.wait(5));`;
    const options = "{ action: () => state.actions.add(1) }";
    expect(resultOf(await run(barrier(body, { parties: 2, options })))).toEqual({ actions: 600, bad: 0, sum: 600, seen: 0, out: 0 });
  });

  it("breaks for everyone when one wait times out, within bounds; reset mends it for the next phase", async () => {
    const body = `if (id < 2) {
      const started = performance.now();
      try {
        b.wait(id === 0 ? 0.05 : undefined);
        bad.add(1);
      } catch (e) {
        if (!(e instanceof BrokenBarrierError)) throw e;
        if (id === 0) out.set(Math.round(performance.now() - started));
        seen.add(1);
      }
    } else {
      while (seen.get() < 2) io(1);
      if (!b.broken) bad.add(1);
      b.reset();
      if (b.broken) bad.add(1);
      actions.set(1);
    }
    while (actions.get() === 0) io(1);
    sum.add(b.wait(5));`;
    const result = resultOf(await run(barrier(body, { workers: 3 }))) as { out: number };
    expect(result).toMatchObject({ bad: 0, seen: 2, sum: 3 });
    expect(result.out).toBeGreaterThanOrEqual(45);
    expect(result.out).toBeLessThan(5000);
  });

  it("applies its default timeout to a wait without one", async () => {
    const body = `const started = performance.now();
    try {
      b.wait();
    } catch (e) {
      if (e instanceof BrokenBarrierError && /a worker's wait timed out/.test(e.message)) seen.add(1);
    }
    out.set(Math.round(performance.now() - started));`;
    const result = resultOf(await run(barrier(body, { workers: 1, parties: 2, options: "{ timeout: 0.05 }" }))) as { out: number };
    expect(result).toMatchObject({ seen: 1 });
    expect(result.out).toBeGreaterThanOrEqual(45);
    expect(result.out).toBeLessThan(5000);
  });

  it("abort breaks the waiters and every later arrival", async () => {
    const body = `if (id === 0) b.abort();
    try {
      b.wait(5);
    } catch (e) {
      if (e instanceof BrokenBarrierError && e.message === 'Barrier "B" is broken: abort() was called.') seen.add(1);
    }`;
    expect(resultOf(await run(barrier(body)))).toMatchObject({ seen: 4, bad: 0 });
  });

  it("reset while workers wait gives them BrokenBarrierError, and the barrier serves the next phase", async () => {
    const body = `if (id === 0) {
      while (b.nWaiting < 2) io(1);
      b.reset();
    } else {
      try {
        b.wait(5);
        bad.add(1);
      } catch (e) {
        if (e instanceof BrokenBarrierError && /reset\\(\\) was called/.test(e.message)) seen.add(1);
      }
    }
    arrivals.add(1);
    while (arrivals.get() < 3) io(1);
    sum.add(b.wait(5));`;
    expect(resultOf(await run(barrier(body, { workers: 3 })))).toMatchObject({ seen: 2, sum: 3, bad: 0 });
  });

  it("an action that throws breaks the barrier: its worker gets the action's error, the others BrokenBarrierError", async () => {
    const body = `try {
      b.wait(5);
    } catch (e) {
      if (e instanceof BrokenBarrierError && /its action threw/.test(e.message)) seen.add(1);
      else if (e.message === "boom") out.add(1);
    }`;
    const options = `{ action: () => { throw new Error("boom"); } }`;
    expect(resultOf(await run(barrier(body, { options })))).toMatchObject({ seen: 3, out: 1 });
  });

  it("refuses a NaN timeout with worker and line, zero parties, and an action that calls its own barrier", async () => {
    const nan = barrier("if (id === 1) b.wait(NaN);", { workers: 2 });
    expectMisuse(await run(nan), nan, "b.wait(NaN)", 1, /^Barrier "B"\.wait: timeout must be a number of seconds >= 0/);
    const zero = errorOf(await run(barrier("", { workers: 1, parties: 0 })));
    expect(zero).toMatchObject({ phase: "setup", message: 'Barrier "B": parties must be a whole number >= 1; got 0.' });
    const reentrant = await run({ ...barrier("", { workers: 1, parties: 1, options: "{ action: () => state.b.abort() }" }), result: "({ b }) => [attempt(() => b.wait()), b.broken]" });
    expect(resultOf(reentrant)).toEqual([expect.stringMatching(/^ScenarioUsageError: Barrier "B"\.abort: called from the barrier's own action/), true]);
  });
});
