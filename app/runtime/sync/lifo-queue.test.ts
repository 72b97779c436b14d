/** LifoQueue on real Node workers, through whole runs (see testing.ts). */
import { describe, expect, it } from "vitest";
import { resultOf, scenarioRunner } from "./testing";

const run = scenarioRunner();

describe("LifoQueue (Queue over a stack of slots)", () => {
  it("returns the item put last first, numbers and messages alike", async () => {
    const result = await run({
      workers: 1,
      setup: `(shared) => ({ q: shared.lifoQueue("L", { maxsize: 5 }), got: [] })`,
      worker: `({ q, got }) => {
        for (const item of [1, "two", { three: 3 }, [4], 5]) q.put(item);
        got.push(q.full(), attempt(() => q.putNowait(6)));
        while (!q.empty()) got.push(q.getNowait());
        got.push(attempt(() => q.get({ block: false })));
      }`,
      result: `({ got }) => got`,
    });
    expect(resultOf(result)).toEqual([true, 'Full: LifoQueue "L" is full (maxsize 5).', 5, [4], { three: 3 }, "two", 1, 'Empty: LifoQueue "L" is empty.']);
  });

  it("never holds more than maxsize and loses nothing: 2 producers and 2 consumers pass 2 x 10,000 numbers through 3 slots", async () => {
    const n = 10_000;
    const result = await run({
      workers: 4,
      n,
      setup: `(shared) => ({ q: shared.lifoQueue("L", { maxsize: 3 }), got: shared.int("got"), sum: shared.int("sum"), bad: shared.int("bad") })`,
      worker: `({ q, got, sum, bad }, { id, params }) => {
        for (let i = 0; i < params.n; i++) {
          if (id < 2) {
            q.put(i);
            if (q.qsize() > 3) bad.add(1);
          } else {
            sum.add(q.get());
            got.add(1);
          }
        }
      }`,
      result: `({ got, sum, bad }) => ({ got: got.get(), sum: sum.get(), bad: bad.get() })`,
    });
    expect(resultOf(result)).toEqual({ got: 2 * n, sum: n * (n - 1), bad: 0 });
  });
});
