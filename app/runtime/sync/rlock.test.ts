/** The RLock on real Node workers under contention, through whole runs (see testing.ts). */
import { describe, expect, it } from "vitest";
import { expectMisuse, resultOf, scenarioRunner, type ScenarioParts } from "./testing";

const run = scenarioRunner();

const rlock = (body: string, workers = 4, n = 1): ScenarioParts => ({
  workers,
  n,
  setup: `(shared) => ({ r: shared.rlock("R"), counter: shared.int("counter"), inside: shared.int("inside"), bad: shared.int("bad"), flag: shared.int("flag"), out: shared.int("out") })`,
  worker: `({ r, counter, inside, bad, flag, out }, { id, params }) => {
    ${body}
  }`,
  result: `({ counter, bad, out }) => ({ counter: counter.get(), bad: bad.get(), out: out.get() })`,
});

describe("RLock (owner and depth over a futex mutex)", () => {
  it("excludes when reentered: 4 workers x 10,000 double acquires, non-atomic increments end exact, never two inside", async () => {
    const body = `for (let i = 0; i < params.n; i++) {
      r.acquire();
      r.acquire();
      if (inside.add(1) !== 1) bad.add(1);
      counter.set(counter.get() + 1);
      inside.add(-1);
      r.release();
      if (r.holder() !== id) bad.add(1);
      r.release();
    }`;
    expect(resultOf(await run(rlock(body, 4, 10_000)))).toEqual({ counter: 40_000, bad: 0, out: 0 });
  });

  it("hold() releases every level when disposed, even when the block throws; holders() names only the holder", async () => {
    const body = `for (let i = 0; i < params.n; i++) {
      const outer = r.hold();
      try {
        const inner = r.hold();
        try {
          if (r.holders().join() !== String(id)) bad.add(1);
          counter.set(counter.get() + 1);
          if (i % 500 === 0) throw new Error("leave early");
        } finally {
          inner[Symbol.dispose]();
        }
      } catch {
        // the lock must still be released below
      } finally {
        outer[Symbol.dispose]();
      }
    }
    if (r.holders().includes(id)) bad.add(1);`;
    expect(resultOf(await run(rlock(body, 4, 5_000)))).toEqual({ counter: 20_000, bad: 0, out: 0 });
  });

  it("acquire with a timeout gives up while another worker holds it; the holder reenters even without blocking", async () => {
    const body = `if (id === 0) {
      r.acquire();
      flag.set(1);
      while (flag.get() !== 2) {}
      if (!r.acquire({ blocking: false })) bad.add(1);
      r.release();
      r.release();
    } else {
      while (flag.get() !== 1) {}
      const started = performance.now();
      const got = r.acquire({ timeout: 0.05 });
      out.set(got ? -1 : Math.round(performance.now() - started));
      flag.set(2);
    }`;
    const result = resultOf(await run(rlock(body, 2))) as { out: number; bad: number };
    expect(result.bad).toBe(0);
    expect(result.out).toBeGreaterThanOrEqual(45);
    expect(result.out).toBeLessThan(5000);
  });

  it("acquire with a timeout succeeds once the holder releases every level", async () => {
    const body = `if (id === 0) {
      r.acquire();
      r.acquire();
      flag.set(1);
      const until = performance.now() + 20;
      while (performance.now() < until) {}
      r.release();
      r.release();
    } else {
      while (flag.get() !== 1) {}
      out.set(r.acquire({ timeout: 5 }) ? 1 : 0);
      r.release();
    }`;
    expect(resultOf(await run(rlock(body, 2)))).toEqual({ counter: 0, bad: 0, out: 1 });
  });

  it("refuses a release by a worker that does not hold it, naming the lock, the worker, the holder and the line", async () => {
    const parts = rlock(
      `if (id === 0) {
      r.acquire();
      flag.set(1);
      while (true) {}
    } else {
      while (flag.get() !== 1) {}
      r.release(); // not the holder
    }`,
      2,
    );
    expectMisuse(await run(parts), parts, "r.release(); // not the holder", 1, /^RLock "R"\.release: worker B does not hold this lock \(worker A holds it\)/);
  });

  it("refuses a release of an unheld lock, one release too many, and a NaN or negative timeout", async () => {
    const log = await run({
      workers: 1,
      setup: `(shared) => ({ r: shared.rlock("R"), log: [] })`,
      worker: `({ r, log }) => {
        r.acquire(); r.acquire(); r.release(); r.release();
        log.push(attempt(() => r.release()), attempt(() => r.acquire({ timeout: NaN })), attempt(() => r.acquire({ timeout: -1 })), attempt(() => r.hold()[Symbol.dispose]()));
      }`,
      result: `({ log }) => log`,
    });
    expect(resultOf(log)).toEqual([
      expect.stringMatching(/^ScenarioUsageError: RLock "R"\.release: worker A does not hold this lock \(it is not held\)/),
      expect.stringMatching(/^ScenarioUsageError: RLock "R"\.acquire: timeout must be a number of seconds >= 0.*got NaN/),
      expect.stringMatching(/^ScenarioUsageError: RLock "R"\.acquire: timeout must be a number of seconds >= 0.*got -1/),
      "returned",
    ]);
  });
});
