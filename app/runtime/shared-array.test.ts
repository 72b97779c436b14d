/** SharedArray on real Node workers, through whole runs (see sync/testing.ts). */
import { describe, expect, it } from "vitest";
import { errorOf, resultOf, scenarioRunner } from "./sync/testing";

const run = scenarioRunner();

describe("SharedArray", () => {
  it("counts exactly: 4 workers x 5,000 adds to their own element and to a shared one, and locked increments of one element under a spinlock on another", async () => {
    const result = await run({
      workers: 4,
      n: 5_000,
      setup: `(shared) => ({ a: shared.array("a", 7) })`,
      worker: `({ a }, { id, params }) => {
        for (let i = 0; i < params.n; i++) {
          a.add(id, 1);
          a.add(5, 1);
          while (!a.compareAndSet(6, 0, 1)) {}
          a.set(4, a.get(4) + 1);
          if (a.exchange(6, 0) !== 1) a.set(0, -1);
        }
      }`,
      result: `({ a }) => a.toArray()`,
    });
    expect(resultOf(result)).toEqual([5_000, 5_000, 5_000, 5_000, 20_000, 20_000, 0]);
  });

  it("starts from one number or one per element, and says what each operation did", async () => {
    const log = await run({
      workers: 1,
      setup: `(shared) => ({ filled: shared.array("filled", 3, 7), listed: shared.array("listed", 3, [1, -2, 3]), log: [] })`,
      worker: `({ filled, listed, log }) => {
        log.push(filled.toArray(), listed.toArray(), listed.length);
        log.push(listed.add(1, 5), listed.compareAndSet(2, 0, 9), listed.compareAndSet(2, 3, 9), listed.exchange(0, 4), listed.toArray());
      }`,
      result: `({ log }) => log`,
    });
    expect(resultOf(log)).toEqual([[7, 7, 7], [1, -2, 3], 3, 3, false, true, 1, [4, 3, 9]]);
  });

  it("refuses an index out of range, a value that is no 32-bit integer, and a bad length or initial values, naming the array", async () => {
    const log = await run({
      workers: 1,
      setup: `(shared) => ({ buf: shared.array("buf", 4), log: [] })`,
      worker: `({ buf, log }) => {
        log.push(attempt(() => buf.get(4)), attempt(() => buf.set(-1, 0)), attempt(() => buf.add(1.5, 1)), attempt(() => buf.set(2, 2 ** 31)));
      }`,
      result: `({ log }) => log`,
    });
    const range = 'RangeError: SharedArray "buf" has 4 elements, indices 0 to 3; got index';
    expect(resultOf(log)).toEqual([
      `${range} 4.`,
      `${range} -1.`,
      `${range} 1.5.`,
      'RangeError: SharedArray "buf"[2] holds 32-bit integers; got 2147483648. Use a whole number between -2147483648 and 2147483647.',
    ]);
    const empty = errorOf(await run({ workers: 1, setup: `(shared) => shared.array("none", 0)`, worker: "() => {}" }));
    expect(empty).toMatchObject({ phase: "setup", message: 'SharedArray "none": the length must be a whole number >= 1; got 0.' });
    const short = errorOf(await run({ workers: 1, setup: `(shared) => shared.array("short", 3, [1, 2])`, worker: "() => {}" }));
    expect(short.message).toBe('SharedArray "short": give the initial value as one number, or as 3 numbers (one per element).');
  });
});
