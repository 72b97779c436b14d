/**
 * The Lock on real Node workers under contention, driven through whole runs
 * (see testing.ts).
 */
import { describe, expect, it } from "vitest";
import type { RunOutcome } from "../../engine/run";
import { resultOf, scenarioRunner } from "./testing";

const runScenario = scenarioRunner();

function run(body: string, workers = 4, n = 100_000): Promise<RunOutcome> {
  return runScenario({
    workers,
    n,
    setup: `(shared) => ({ lock: shared.lock("L"), counter: shared.int("counter"), inside: shared.int("inside"), overlaps: shared.int("overlaps"), flag: shared.int("flag") })`,
    worker: `({ lock, counter, inside, overlaps, flag }, { id, params }) => {
    ${body}
  }`,
    result: `({ counter, overlaps }) => ({ counter: counter.get(), overlaps: overlaps.get() })`,
  });
}

describe("Lock (3-state futex mutex)", () => {
  it("excludes: 4 workers x 100,000 non-atomic increments under the lock end exact, never two inside", async () => {
    const body = `for (let i = 0; i < params.n; i++) {
      lock.acquire();
      if (inside.add(1) !== 1) overlaps.add(1);
      counter.set(counter.get() + 1);
      inside.add(-1);
      lock.release();
    }`;
    expect(resultOf(await run(body))).toEqual({ counter: 400_000, overlaps: 0 });
  });

  it("hold() releases when disposed, even when the block throws", async () => {
    const body = `for (let i = 0; i < params.n; i++) {
      const held = lock.hold();
      try {
        counter.set(counter.get() + 1);
        if (i % 1000 === 0) throw new Error("leave early");
      } catch {
        // the lock must still be released below
      } finally {
        held[Symbol.dispose]();
      }
    }`;
    expect(resultOf(await run(body, 4, 20_000))).toEqual({ counter: 80_000, overlaps: 0 });
  });

  it("acquire with a timeout gives up while another worker holds the lock", async () => {
    const body = `if (id === 0) {
      lock.acquire();
      flag.set(1);
      while (flag.get() !== 2) {}
      lock.release();
    } else {
      while (flag.get() !== 1) {}
      const started = performance.now();
      const got = lock.acquire({ timeout: 0.05 });
      counter.set(got ? -1 : Math.round(performance.now() - started));
      flag.set(2);
    }`;
    const result = resultOf(await run(body, 2)) as { counter: number };
    expect(result.counter).toBeGreaterThanOrEqual(45);
    expect(result.counter).toBeLessThan(5000);
  });

  it("acquire with a timeout succeeds once the holder releases", async () => {
    const body = `if (id === 0) {
      lock.acquire();
      flag.set(1);
      const until = performance.now() + 20;
      while (performance.now() < until) {}
      lock.release();
    } else {
      while (flag.get() !== 1) {}
      counter.set(lock.acquire({ timeout: 5 }) ? 1 : 0);
    }`;
    expect(resultOf(await run(body, 2))).toEqual({ counter: 1, overlaps: 0 });
  });

  it("refuses to release an unlocked lock, and a bad timeout, naming the lock", async () => {
    const release = await run("lock.release();", 1);
    expect(release.status === "error" && release.error.message).toMatch(/Lock "L": release of an unlocked lock/);
    const negative = await run("lock.acquire({ timeout: -1 });", 1);
    expect(negative.status === "error" && negative.error.message).toMatch(/Lock "L".acquire: timeout must be a number of seconds >= 0/);
  });
});
