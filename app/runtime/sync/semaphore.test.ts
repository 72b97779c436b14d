/** Semaphore and BoundedSemaphore on real Node workers under contention, through whole runs (see testing.ts). */
import { describe, expect, it } from "vitest";
import { errorOf, expectMisuse, resultOf, scenarioRunner, type ScenarioParts } from "./testing";

const run = scenarioRunner();

const semaphores = (body: string, workers = 4, n = 1): ScenarioParts => ({
  workers,
  n,
  setup: `(shared) => ({ s: shared.semaphore("S", 2), b: shared.boundedSemaphore("B", 2), zero: shared.semaphore("Z", 0),
    inside: shared.int("inside"), count: shared.int("count"), bad: shared.int("bad"), flag: shared.int("flag"), out: shared.int("out") })`,
  worker: `({ s, b, zero, inside, count, bad, flag, out }, { id, params }) => {
    ${body}
  }`,
  result: `({ count, bad, out }) => ({ count: count.get(), bad: bad.get(), out: out.get() })`,
});

describe("Semaphore and BoundedSemaphore (futex counting semaphore)", () => {
  it("never lets more workers inside than its value: 4 workers x 5,000 passes through semaphores of 2", async () => {
    const body = `for (let i = 0; i < params.n; i++) {
      s.acquire();
      if (inside.add(1) > 2) bad.add(1);
      count.add(1);
      inside.add(-1);
      s.release();
      const held = b.hold();
      if (out.add(1) > 2) bad.add(1);
      out.add(-1);
      held[Symbol.dispose]();
    }`;
    expect(resultOf(await run(semaphores(body, 4, 5_000)))).toEqual({ count: 20_000, bad: 0, out: 0 });
  });

  it.each(["free-threaded", "gil"])("loses no wake-up: a permit goes 2,000 times around a ring of 4 workers, each acquiring its own semaphore and releasing the next's (%s)", async (mode) => {
    const result = await run({
      workers: 4,
      mode,
      n: 2_000,
      setup: `(shared) => ({ ring: [0, 1, 2, 3].map((i) => shared.semaphore("R" + i, i === 0 ? 1 : 0)), count: shared.int("count") })`,
      worker: `({ ring, count }, { id, params }) => {
        for (let i = 0; i < params.n; i++) {
          ring[id].acquire();
          if (count.add(1) % 4 !== (id + 1) % 4) throw new Error("out of turn");
          ring[(id + 1) % 4].release();
        }
      }`,
      result: `({ count }) => count.get()`,
    });
    expect(resultOf(result)).toBe(8_000);
  });

  it("release(n) wakes n waiters at once", async () => {
    const body = `if (id === 0) {
      while (flag.get() !== 3) {}
      zero.release(3);
    } else {
      flag.add(1);
      if (zero.acquire({ timeout: 10 })) count.add(1);
    }`;
    expect(resultOf(await run(semaphores(body)))).toEqual({ count: 3, bad: 0, out: 0 });
  });

  it("times out every waiter of an empty semaphore, and acquire({ blocking: false }) does not wait", async () => {
    const body = `const started = performance.now();
    if (zero.acquire({ timeout: 0.05 })) bad.add(1);
    const waited = performance.now() - started;
    if (waited < 45 || waited > 5000) bad.add(1);
    if (zero.acquire({ blocking: false })) bad.add(1);
    count.add(1);`;
    expect(resultOf(await run(semaphores(body)))).toEqual({ count: 4, bad: 0, out: 0 });
  });

  it("acquire with a timeout succeeds when another worker releases", async () => {
    const body = `if (id === 0) {
      flag.set(1);
      out.set(zero.acquire({ timeout: 5 }) ? 1 : -1);
    } else {
      while (flag.get() !== 1) {}
      const until = performance.now() + 20;
      while (performance.now() < until) {}
      zero.release();
    }`;
    expect(resultOf(await run(semaphores(body, 2)))).toEqual({ count: 0, bad: 0, out: 1 });
  });

  it("names its holders as each worker published them on blocking, and none once every permit is back", async () => {
    const mask = "s.holders().reduce((m, w) => m | (1 << w), 0)";
    const body = `s.acquire();
    if (id === 1) {
      zero.acquire(); // blocks, publishing that B holds a permit of S
      return;
    }
    const until = performance.now() + 5000;
    while (${mask} !== 3 && performance.now() < until) {}
    out.set(${mask});
    s.release();
    count.set(${mask});
    s.release(); // B's permit, returned by A: S is back at its initial value
    if (${mask} !== 0) bad.add(1);
    zero.release();`;
    // Both hold one permit (mask 0b11); A's release returns its own (0b10); then no permit is out.
    expect(resultOf(await run(semaphores(body, 2)))).toEqual({ out: 3, count: 2, bad: 0 });
  });

  it("lets a plain Semaphore rise above its initial value, but refuses a BoundedSemaphore's over-release with worker and line", async () => {
    const plain = semaphores(`s.release(); for (let i = 0; i < 3; i++) if (s.acquire({ blocking: false })) count.add(1);`, 1);
    expect(resultOf(await run(plain))).toEqual({ count: 3, bad: 0, out: 0 });
    const bounded = semaphores(`b.acquire(); b.release(); b.release(); // one too many`, 1);
    expectMisuse(
      await run(bounded),
      bounded,
      "b.release(); // one too many",
      0,
      /^BoundedSemaphore "B"\.release\(1\): released too many times: its value 2 would rise above its initial value 2/,
    );
  });

  it("refuses release(n) with n < 1, a NaN timeout and a negative initial value, naming the semaphore", async () => {
    const log = await run({
      workers: 1,
      setup: `(shared) => ({ s: shared.semaphore("S", 1), log: [] })`,
      worker: `({ s, log }) => {
        log.push(attempt(() => s.release(0)), attempt(() => s.release(1.5)), attempt(() => s.acquire({ timeout: NaN })), attempt(() => s.release(2)));
      }`,
      result: `({ log }) => log`,
    });
    expect(resultOf(log)).toEqual([
      'ScenarioUsageError: Semaphore "S".release(n): n must be a whole number >= 1; got 0.',
      'ScenarioUsageError: Semaphore "S".release(n): n must be a whole number >= 1; got 1.5.',
      expect.stringMatching(/^ScenarioUsageError: Semaphore "S"\.acquire: timeout must be a number of seconds >= 0/),
      "returned",
    ]);
    const negative = errorOf(await run({ workers: 1, setup: `(shared) => shared.boundedSemaphore("N", -1)`, worker: "() => {}" }));
    expect(negative).toMatchObject({ phase: "setup", message: 'BoundedSemaphore "N": the initial value must be a whole number >= 0; got -1.' });
  });
});
