/** PriorityQueue on real Node workers under contention, through whole runs (see testing.ts). */
import { describe, expect, it } from "vitest";
import { expectMisuse, resultOf, scenarioRunner, type ScenarioParts } from "./testing";

const run = scenarioRunner();

describe("PriorityQueue (Queue over a binary heap of slot numbers)", () => {
  it("returns the smallest priority first, equal priorities in put order, numbers and [priority, data] pairs", async () => {
    const result = await run({
      workers: 1,
      setup: `(shared) => ({ q: shared.priorityQueue("P", { maxsize: 8 }), got: [] })`,
      worker: `({ q, got }) => {
        for (const item of [[3, "c"], 1, [2, { x: 1 }], [1, "tie-a"], -5, [1, "tie-b"], 2.5, [-Infinity, null]]) q.put(item);
        while (!q.empty()) got.push(q.get());
      }`,
      result: `({ got }) => got`,
    });
    expect(resultOf(result)).toEqual([[-Infinity, null], -5, 1, [1, "tie-a"], [1, "tie-b"], [2, { x: 1 }], 2.5, [3, "c"]]);
  });

  it("sorts what is put: 4 workers put 250 random priorities each, then each worker's gets never decrease, and none is lost", async () => {
    const result = await run({
      workers: 4,
      setup: `(shared) => ({ q: shared.priorityQueue("P", { maxsize: 1000 }), arrived: shared.int("arrived"), got: shared.int("got"), bad: shared.int("bad") })`,
      worker: `({ q, arrived, got, bad }, { workers, io }) => {
        for (let i = 0; i < 250; i++) q.put(Math.floor(Math.random() * 100));
        arrived.add(1);
        while (arrived.get() < workers) io(0.1);
        let previous = -1;
        for (;;) {
          let item;
          try {
            item = q.getNowait();
          } catch (e) {
            if (e instanceof Empty) break;
            throw e;
          }
          if (item < previous) bad.add(1);
          previous = item;
          got.add(1);
        }
      }`,
      result: `({ got, bad }) => ({ got: got.get(), bad: bad.get() })`,
    });
    expect(resultOf(result)).toEqual({ got: 1000, bad: 0 });
  });

  it("never holds more than maxsize and loses nothing: 2 producers and 2 consumers pass 2 x 5,000 items through 8 slots", async () => {
    const n = 5_000;
    const result = await run({
      workers: 4,
      n,
      setup: `(shared) => ({ q: shared.priorityQueue("P", { maxsize: 8, slotBytes: 8 }), got: shared.int("got"), sum: shared.int("sum"), bad: shared.int("bad") })`,
      worker: `({ q, got, sum, bad }, { id, params }) => {
        for (let i = 0; i < params.n; i++) {
          if (id < 2) {
            q.put(i % 2 ? i : [i, i]);
            if (q.qsize() > 8) bad.add(1);
          } else {
            const item = q.get();
            sum.add(typeof item === "number" ? item : item[1]);
            got.add(1);
          }
        }
      }`,
      result: `({ got, sum, bad }) => ({ got: got.get(), sum: sum.get(), bad: bad.get() })`,
    });
    expect(resultOf(result)).toEqual({ got: 2 * n, sum: n * (n - 1), bad: 0 });
  });

  it("refuses items that are not numbers or [priority, data] pairs, naming the queue, the worker and the line", async () => {
    const parts: ScenarioParts = {
      workers: 2,
      setup: `(shared) => ({ q: shared.priorityQueue("P", { maxsize: 2 }), log: [] })`,
      worker: `({ q, log }, { id }) => {
        log.push(attempt(() => q.put([NaN, 1])), attempt(() => q.put([1, 2, 3])), attempt(() => q.put([1, new Set()])), attempt(() => q.put(NaN)));
        if (id === 1) q.put("first"); // not an item
      }`,
      result: `({ log }) => log`,
    };
    expectMisuse(
      await run(parts),
      parts,
      "// not an item",
      1,
      /^PriorityQueue "P"\.put: items are numbers or \[priority, data\] pairs with a number priority \(not NaN\); got string first\.$/,
    );
    const log = resultOf(await run({ ...parts, workers: 1 }));
    const notItem = 'ScenarioUsageError: PriorityQueue "P".put: items are numbers or [priority, data] pairs with a number priority (not NaN); got';
    expect(log).toEqual([
      `${notItem} a pair whose priority is NaN.`,
      `${notItem} an array of 3 elements.`,
      'ScenarioUsageError: PriorityQueue "P".put: messages are plain data (finite numbers, strings, booleans, null, arrays and plain objects); the message is a Set.',
      `${notItem} NaN.`,
    ]);
  });
});
