/**
 * The options of `acquire`, `get` and `put` on real Node workers, through
 * whole runs (see testing.ts): Python's keywords as an options object, and
 * the old positional timeout refused with the call to write instead.
 */
import { describe, expect, it } from "vitest";
import { expectMisuse, resultOf, scenarioRunner, type ScenarioParts } from "./testing";

const run = scenarioRunner();

/** `timed(f)`: what `f` returned or threw, and whether that took 40 ms or more: "false, waited", "Empty, at once"... */
const TIMED = `const timed = (f) => {
      const started = performance.now();
      let outcome;
      try {
        outcome = String(f());
      } catch (e) {
        outcome = e.name;
      }
      return outcome + (performance.now() - started >= 40 ? ", waited" : ", at once");
    };`;

describe("the options of acquire, get and put (Python's keywords)", () => {
  it("every acquire gives up after { timeout } and at once with { blocking: false } while another worker holds it, and takes it when free", async () => {
    const result = await run({
      workers: 2,
      setup: `(shared) => {
        const lock = shared.lock("L");
        return { locks: [lock, shared.rlock("R"), shared.semaphore("S", 1), shared.boundedSemaphore("B", 1)], condition: shared.condition("C", lock), flag: shared.int("flag"), log: [] };
      }`,
      worker: `({ locks, condition, flag, log }, { id }) => {
        ${TIMED}
        if (id === 1) {
          for (const l of locks) l.acquire();
          flag.set(1);
          while (flag.get() !== 2) {}
          for (const l of locks) l.release();
          flag.set(3);
          return;
        }
        while (flag.get() !== 1) {}
        for (const l of [...locks, condition]) log.push([timed(() => l.acquire({ timeout: 0.05 })), timed(() => l.acquire({ blocking: false }))]);
        flag.set(2);
        while (flag.get() !== 3) {}
        for (const l of locks) {
          log.push([timed(() => l.acquire({ blocking: false })), timed(() => l.release())]);
          log.push([timed(() => l.acquire({ timeout: 0.05, blocking: true })), timed(() => l.release())]);
        }
      }`,
      result: `({ log }) => log`,
    });
    const held = ["false, waited", "false, at once"];
    const free = [
      ["true, at once", "undefined, at once"],
      ["true, at once", "undefined, at once"],
    ];
    expect(resultOf(result)).toEqual([held, held, held, held, held, ...free, ...free, ...free, ...free]);
  });

  it("a queue's get and put give up after { timeout } and at once with { block: false }, which ignores a timeout as Python does", async () => {
    const result = await run({
      workers: 1,
      setup: `(shared) => ({ q: shared.queue("Q", { maxsize: 1 }), log: [] })`,
      worker: `({ q, log }) => {
        ${TIMED}
        log.push(
          timed(() => q.get({ timeout: 0.05 })),
          timed(() => q.get({ block: false })),
          timed(() => q.get({ block: false, timeout: 5 })),
          timed(() => q.put(7, { block: false })),
          timed(() => q.put(8, { timeout: 0.05 })),
          timed(() => q.put(8, { block: false, timeout: 5 })),
          timed(() => q.get({ timeout: 5 })),
          timed(() => q.put(9, { block: true, timeout: 5 })),
          timed(() => q.get({ block: true })),
        );
      }`,
      result: `({ log }) => log`,
    });
    expect(resultOf(result)).toEqual([
      "Empty, waited",
      "Empty, at once",
      "Empty, at once",
      "undefined, at once",
      "Full, waited",
      "Full, at once",
      "7, at once",
      "undefined, at once",
      "9, at once",
    ]);
  });

  it("refuses a positional timeout or flag, an unknown option, and a timeout with blocking: false, saying what to write", async () => {
    const result = await run({
      workers: 1,
      setup: `(shared) => ({ lock: shared.lock("L"), rlock: shared.rlock("R"), s: shared.semaphore("S", 1), q: shared.priorityQueue("P", { maxsize: 1 }), log: [] })`,
      worker: `({ lock, rlock, s, q, log }) => {
        log.push(
          attempt(() => lock.acquire(0.05)),
          attempt(() => rlock.acquire(0)),
          attempt(() => s.acquire(true)),
          attempt(() => lock.acquire(-1)),
          attempt(() => q.get(1)),
          attempt(() => q.put(1, 0.05)),
          attempt(() => q.put(1, false)),
          attempt(() => q.get("soon")),
          attempt(() => lock.acquire({ block: false })),
          attempt(() => q.get({ blocking: false })),
          attempt(() => rlock.acquire({ blocking: 0 })),
          attempt(() => s.acquire({ blocking: false, timeout: 1 })),
          lock.locked(), rlock.holder(), q.qsize(),
        );
      }`,
      result: `({ log }) => log`,
    });
    const positional = "in Python the first parameter of acquire is blocking, and a timeout is passed by name; write";
    expect(resultOf(result)).toEqual([
      `TypeError: Lock "L".acquire(0.05): ${positional} acquire({ timeout: 0.05 }) to wait at most 0.05 s.`,
      `TypeError: RLock "R".acquire(0): ${positional} acquire({ blocking: false }) to try without waiting.`,
      'TypeError: Semaphore "S".acquire(true): pass blocking by name, as the options object: acquire({ blocking: true }).',
      `TypeError: Lock "L".acquire(-1): ${positional} acquire({ timeout: seconds }) with seconds >= 0, or give no options to wait for as long as it takes.`,
      'TypeError: PriorityQueue "P".get(1): in Python the first parameter of get is block, and a timeout is passed by name; write get({ timeout: 1 }) to wait at most 1 s.',
      'TypeError: PriorityQueue "P".put(item, 0.05): in Python the parameter after the item is block, and a timeout is passed by name; write put(item, { timeout: 0.05 }) to wait at most 0.05 s.',
      'TypeError: PriorityQueue "P".put(item, false): pass block by name, as the options object: put(item, { block: false }).',
      'TypeError: PriorityQueue "P".get: the options are an object such as { timeout: 1 } or { block: false }; got "soon".',
      'TypeError: Lock "L".acquire: unknown option "block"; its options are blocking and timeout, as Python names them.',
      'TypeError: PriorityQueue "P".get: unknown option "blocking"; its options are block and timeout, as Python names them.',
      'TypeError: RLock "R".acquire: blocking must be true or false; got 0.',
      `ScenarioUsageError: Semaphore "S".acquire: can't specify a timeout for a non-blocking call (Python raises ValueError). Give blocking: false or a timeout, not both.`,
      false,
      -1,
      0,
    ]);
  });

  it("names the worker and the line of an old positional timeout left uncaught", async () => {
    const parts: ScenarioParts = {
      workers: 2,
      setup: `(shared) => ({ lock: shared.lock("L") })`,
      worker: `({ lock }, { id }) => {
        if (id === 1) lock.acquire(0.05); // the old form
      }`,
    };
    expectMisuse(await run(parts), parts, "// the old form", 1, /^Lock "L"\.acquire\(0\.05\): .* write acquire\(\{ timeout: 0\.05 \}\)/, "TypeError");
  });
});
