/** SharedInt's one-step read-modify-writes on real Node workers, through whole runs (see sync/testing.ts). */
import { describe, expect, it } from "vitest";
import { resultOf, scenarioRunner } from "./sync/testing";

const run = scenarioRunner();

const ints = (body: string, n: number) => ({
  workers: 4,
  n,
  setup: `(shared) => ({ flag: shared.int("flag"), counter: shared.int("counter"), inside: shared.int("inside"), bad: shared.int("bad") })`,
  worker: `({ flag, counter, inside, bad }, { id, params }) => {
    ${body}
  }`,
  result: `({ counter, bad }) => ({ counter: counter.get(), bad: bad.get() })`,
});

describe("SharedInt compareAndSet and exchange", () => {
  it("make a spinlock: 4 workers x 10,000 non-atomic increments under a compareAndSet lock end exact, never two inside", async () => {
    const body = `for (let i = 0; i < params.n; i++) {
      while (!flag.compareAndSet(0, 1)) {}
      if (inside.add(1) !== 1) bad.add(1);
      counter.set(counter.get() + 1);
      inside.add(-1);
      flag.set(0);
    }`;
    expect(resultOf(await run(ints(body, 10_000)))).toEqual({ counter: 40_000, bad: 0 });
  });

  it("make a test-and-set lock with exchange, and a lock-free increment with a compareAndSet retry loop", async () => {
    const body = `for (let i = 0; i < params.n; i++) {
      while (flag.exchange(1) !== 0) {}
      if (inside.add(1) !== 1) bad.add(1);
      inside.add(-1);
      flag.set(0);
      let seen;
      do seen = counter.get(); while (!counter.compareAndSet(seen, seen + 1));
    }`;
    expect(resultOf(await run(ints(body, 10_000)))).toEqual({ counter: 40_000, bad: 0 });
  });

  it("report what they did: compareAndSet true only when it set, exchange the value replaced; a value that is no 32-bit integer is refused", async () => {
    const log = await run({
      workers: 1,
      setup: `(shared) => ({ x: shared.int("x", 5), log: [] })`,
      worker: `({ x, log }) => {
        log.push(x.compareAndSet(4, 9), x.get(), x.compareAndSet(5, 9), x.get(), x.exchange(-3), x.get());
        log.push(attempt(() => x.compareAndSet(0.5, 1)), attempt(() => x.exchange(2 ** 31)));
      }`,
      result: `({ log }) => log`,
    });
    expect(resultOf(log)).toEqual([
      false,
      5,
      true,
      9,
      9,
      -3,
      'RangeError: SharedInt "x" holds 32-bit integers; got 0.5. Use a whole number between -2147483648 and 2147483647.',
      'RangeError: SharedInt "x" holds 32-bit integers; got 2147483648. Use a whole number between -2147483648 and 2147483647.',
    ]);
  });
});
