/** PriorityQueue on real Node workers under contention, through whole runs (see testing.ts). */
import { describe, expect, it } from "vitest";
import { pythonLess } from "./python-order";
import { expectMisuse, resultOf, scenarioRunner, type ScenarioParts } from "./testing";

const run = scenarioRunner();

describe("PriorityQueue (Queue over a binary heap of slot numbers)", () => {
  it("returns the smallest item first, and on equal priorities compares the data next as Python's tuples do, in heapq's order", async () => {
    // The order CPython 3.11's queue.PriorityQueue gives for the same puts and gets, arrays as tuples and
    // null as None. Its heap is not first-in first-out: of the equal items [3, true] and [3, 1], 1 comes first.
    const result = await run({
      workers: 1,
      setup: `(shared) => ({ q: shared.priorityQueue("P", { maxsize: 20 }), got: [] })`,
      worker: `({ q, got }) => {
        for (const item of [[2, "b"], [1, [3, "x"]], [2, "a"], [1, [3]], [1, [2, "z"]], [3, true], [3, 1]]) q.put(item);
        got.push(q.get(), q.get());
        for (const item of [[0, null], [2, "ab"], [1, [3, "x", 0]], [2, "\u{1F600}"], [2, "\uFFFF"], [0.5, { k: 1 }], [1, [true]], [3, 1], [3, true]]) q.put(item);
        while (!q.empty()) got.push(q.get());
      }`,
      result: `({ got }) => got`,
    });
    expect(resultOf(result)).toEqual([
      [1, [2, "z"]],
      [1, [3]],
      [0, null],
      [0.5, { k: 1 }],
      [1, [true]],
      [1, [3, "x"]],
      [1, [3, "x", 0]],
      [2, "a"],
      [2, "ab"],
      [2, "b"],
      [2, "\uFFFF"],
      [2, "\u{1F600}"],
      [3, 1],
      [3, 1],
      [3, true],
      [3, true],
    ]);
  });

  it("gives back 300 random pairs, many tied on priority, in Python's order of their data, none lost", async () => {
    const result = await run({
      workers: 1,
      setup: `(shared) => ({ q: shared.priorityQueue("P", { maxsize: 300 }), got: [] })`,
      worker: `({ q, got }) => {
        const pick = (n) => Math.floor(Math.random() * n);
        for (let i = 0; i < 300; i++) q.put([pick(4), [pick(10), String.fromCharCode(97 + pick(3))]]);
        while (!q.empty()) got.push(q.get());
      }`,
      result: `({ got }) => got`,
    });
    const got = resultOf(result) as unknown[];
    expect(got).toHaveLength(300);
    expect(got.findIndex((item, i) => i > 0 && pythonLess(item, got[i - 1]))).toBe(-1);
  });

  it("numbers are their own priority, smallest first", async () => {
    const result = await run({
      workers: 1,
      setup: `(shared) => ({ q: shared.priorityQueue("P", { maxsize: 8 }), got: [] })`,
      worker: `({ q, got }) => {
        for (const item of [3, 1, -5, 2.5, 1, -Infinity]) q.put(item);
        while (!q.empty()) got.push(q.get());
      }`,
      result: `({ got }) => got`,
    });
    expect(resultOf(result)).toEqual([-Infinity, -5, 1, 1, 2.5, 3]);
  });

  it("raises Python's TypeError where Python compares what it cannot order, and leaves the queue as it was", async () => {
    const result = await run({
      workers: 1,
      setup: `(shared) => ({ q: shared.priorityQueue("P", { maxsize: 4 }), log: [] })`,
      worker: `({ q, log }) => {
        q.put([1, { job: "a" }]);
        log.push(attempt(() => q.put([1, { job: "b" }])), attempt(() => q.put(1)), q.qsize());
        q.put([0, { job: "c" }]);
        q.put([1, null]);
        log.push(attempt(() => q.get()), q.qsize());
        q.put([5, 0]); // the queue's lock was released
        log.push(q.qsize());
      }`,
      result: `({ log }) => log`,
    });
    const tie = (operation: string, types: string) =>
      `TypeError: PriorityQueue "P".${operation}: two items tie on priority 1, so their data are compared next, as in Python: '<' not supported between instances of ${types}. ` +
      "Make the data comparable (numbers, strings, arrays), or put a tie-breaker that is never equal before it: [priority, [n, data]].";
    expect(resultOf(result)).toEqual([
      tie("put", "'dict' and 'dict'"),
      `TypeError: PriorityQueue "P".put: a number item is compared with a [priority, data] pair, as Python compares an int with a tuple: '<' not supported between instances of 'int' and 'tuple'. Put numbers or pairs in one queue, not both.`,
      1,
      tie("get", "'NoneType' and 'dict'"),
      3,
      4,
    ]);
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
            q.put([i % 7, i]);
            if (q.qsize() > 8) bad.add(1);
          } else {
            const item = q.get();
            sum.add(item[1]);
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
