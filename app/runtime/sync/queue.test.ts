/** Queue on real Node workers under contention, through whole runs (see testing.ts). */
import { describe, expect, it } from "vitest";
import { errorOf, expectMisuse, resultOf, scenarioRunner, type ScenarioParts } from "./testing";

const run = scenarioRunner();

/** `q` holds 4 items of up to 64 bytes; `qs` are one small queue per worker; `e` stays empty. */
const queues = (body: string, workers = 4, n = 1): ScenarioParts => ({
  workers,
  n,
  setup: `(shared) => ({ q: shared.queue("Q", { maxsize: 4 }), qs: [0, 1, 2, 3].map((i) => shared.queue("Q" + i, { maxsize: 1 })), e: shared.queue("E", { maxsize: 2 }),
    got: shared.int("got"), sum: shared.int("sum"), processed: shared.int("processed"), bad: shared.int("bad"), out: shared.int("out") })`,
  worker: `({ q, qs, e, got, sum, processed, bad, out }, { id, params }) => {
    ${body}
  }`,
  result: `({ got, sum, processed, bad, out }) => ({ got: got.get(), sum: sum.get(), processed: processed.get(), bad: bad.get(), out: out.get() })`,
});

describe("Queue (bounded buffer: futex lock word and sequence conditions)", () => {
  it("keeps each producer's order, never holds more than maxsize, loses nothing: 2 producers and 2 consumers pass 2 x 5,000 numbers through 4 slots", async () => {
    const body = `if (id < 2) {
      for (let i = 0; i < params.n; i++) {
        q.put(id * 1e6 + i);
        if (q.qsize() > 4) bad.add(1);
      }
    } else {
      const last = [-1, -1];
      for (let i = 0; i < params.n; i++) {
        const item = q.get();
        const producer = Math.floor(item / 1e6), seq = item % 1e6;
        if (seq <= last[producer]) bad.add(1);
        last[producer] = seq;
        sum.add(seq);
        got.add(1);
      }
    }`;
    const n = 5_000;
    expect(resultOf(await run(queues(body, 4, n)))).toMatchObject({ got: 2 * n, sum: n * (n - 1), bad: 0 });
  });

  it.each(["free-threaded", "gil"])("loses no wake-up: a token goes 2,000 times around a ring of 4 workers, each taking from its own queue and putting to the next's (%s)", async (mode) => {
    const body = `const own = qs[id], next = qs[(id + 1) % 4];
    if (id === 0) own.put(0);
    for (let i = 0; i < params.n; i++) {
      const token = own.get();
      if (token !== 4 * i + id) bad.add(1);
      got.add(1);
      if (id < 3 || i < params.n - 1) next.put(token + 1);
    }`;
    expect(resultOf(await run({ ...queues(body, 4, 2_000), mode }))).toMatchObject({ got: 8_000, bad: 0 });
  });

  it("carries numbers and plain messages exactly, in order", async () => {
    const items = `[0.1, -7, Infinity, 2 ** 53 + 2, { from: 1, tag: "héllo ✓", list: [1, [2, { deep: null }]] }, "text", true, null, [], {}]`;
    const result = await run({
      workers: 1,
      setup: `(shared) => ({ q: shared.queue("Q", { maxsize: 16, slotBytes: 80 }), got: [] })`,
      worker: `({ q, got }) => {
        for (const item of ${items}) q.put(item);
        q.put(NaN);
        while (!q.empty()) got.push(q.get());
        got.push(Number.isNaN(got.pop()));
      }`,
      result: `({ got }) => got`,
    });
    expect(resultOf(result)).toEqual([0.1, -7, Infinity, 2 ** 53 + 2, { from: 1, tag: "héllo ✓", list: [1, [2, { deep: null }]] }, "text", true, null, [], {}, true]);
  });

  it("join returns once every item put is marked done by taskDone: 1 producer, 3 consumers, 3,000 items", async () => {
    const body = `if (id === 0) {
      for (let i = 0; i < params.n; i++) q.put(i);
      out.set(q.join(10) ? 1 : 0);
      if (processed.get() !== params.n) bad.add(1);
      for (let i = 1; i < 4; i++) q.put(-1);
    } else {
      for (;;) {
        const item = q.get();
        if (item < 0) break;
        processed.add(1);
        q.taskDone();
      }
    }`;
    expect(resultOf(await run(queues(body, 4, 3_000)))).toMatchObject({ processed: 3_000, out: 1, bad: 0 });
  });

  it("keeps its lock when join times out: 2 workers pass 80,000 numbers through the queue, all and exactly, while a third polls join(0)", async () => {
    // Each worker puts its half and gets as many; join(0) times out on almost every call. A join that
    // released the lock twice would free another's hold only in a window of nanoseconds, which this
    // whole run may miss: queue-lock.test.ts counts the releases.
    const body = `if (id < 2) {
      const half = params.n / 2;
      let total = 0;
      for (let i = 0; i < half; i++) {
        q.put(id * half + i);
        const item = q.get();
        total += item;
        if (item < 0 || item >= params.n) bad.add(1);
        q.taskDone();
        got.add(1);
      }
      sum.add(total % 1000003);
      out.add(1);
    } else {
      while (out.get() < 2) q.join(0);
    }`;
    const n = 80_000;
    const result = resultOf(await run(queues(body, 3, n))) as { got: number; sum: number; bad: number };
    expect(result).toMatchObject({ got: n, bad: 0 });
    expect(result.sum % 1000003).toBe(((n * (n - 1)) / 2) % 1000003);
  });

  it("times out every worker within bounds: get on empty raises Empty, put on full raises Full, the nowait forms at once, join returns false", async () => {
    const body = `const own = qs[id];
    const timed = (f, name) => {
      const started = performance.now();
      const what = attempt(f);
      const waited = performance.now() - started;
      if (!what.startsWith(name) || waited < 45 || waited > 5000) bad.add(1);
    };
    timed(() => e.get({ timeout: 0.05 }), "Empty: Queue \\"E\\" stayed empty for 0.05 s.");
    own.put(id);
    timed(() => own.put(9, { timeout: 0.05 }), "Full: Queue \\"Q" + id + "\\" stayed full for 0.05 s (maxsize 1).");
    if (attempt(() => own.putNowait(9)) !== "Full: Queue \\"Q" + id + "\\" is full (maxsize 1).") bad.add(1);
    const started = performance.now();
    if (own.join(0.05) !== false || performance.now() - started < 45) bad.add(1);
    if (own.getNowait() !== id) bad.add(1);
    own.taskDone();
    if (own.join(0) !== true) bad.add(1);
    if (attempt(() => own.getNowait()) !== "Empty: Queue \\"Q" + id + "\\" is empty.") bad.add(1);
    got.add(1);`;
    expect(resultOf(await run(queues(body)))).toMatchObject({ got: 4, bad: 0 });
  });

  it("refuses a message too large for its slot, with the sizes, the worker and the line", async () => {
    const parts = queues(`if (id === 1) q.put({ text: "x".repeat(60) }); // too large`, 2);
    expectMisuse(
      await run(parts),
      parts,
      "// too large",
      1,
      /^Queue "Q"\.put: the message takes 71 bytes as JSON, and this queue's slots hold 64\. Send less, or create the queue with a larger slotBytes\.$/,
    );
  });

  it("refuses what is not plain data, taskDone once too often, and a NaN timeout, naming the queue", async () => {
    const log = await run({
      workers: 1,
      setup: `(shared) => ({ q: shared.queue("Q", { maxsize: 2 }), log: [] })`,
      worker: `({ q, log }) => {
        for (const item of [undefined, () => 1, new Map(), { when: new Date(0) }, [1, NaN], { big: 10n }]) log.push(attempt(() => q.put(item)));
        log.push(attempt(() => q.get({ timeout: NaN })), attempt(() => q.taskDone()), q.qsize());
      }`,
      result: `({ log }) => log`,
    });
    const plain = 'ScenarioUsageError: Queue "Q".put: messages are plain data (finite numbers, strings, booleans, null, arrays and plain objects);';
    expect(resultOf(log)).toEqual([
      `${plain} the message is undefined.`,
      `${plain} the message is a function.`,
      `${plain} the message is a Map.`,
      `${plain} the value at "when" is a Date.`,
      `${plain} the value at "1" is NaN.`,
      `${plain} the value at "big" is a bigint.`,
      expect.stringMatching(/^ScenarioUsageError: Queue "Q"\.get: timeout must be a number of seconds >= 0/),
      'ScenarioUsageError: Queue "Q".taskDone: called more times than items were put. Call it once per item taken with get.',
      0,
    ]);
  });

  it("refuses maxsize 0 (Python's unbounded) and a bad slot size when created", async () => {
    const zero = errorOf(await run({ workers: 1, setup: `(shared) => shared.queue("Z", { maxsize: 0 })`, worker: "() => {}" }));
    expect(zero).toMatchObject({ phase: "setup", message: expect.stringMatching(/^Queue "Z": maxsize 0 means unbounded in Python, .* Give maxsize >= 1\.$/) });
    const slot = errorOf(await run({ workers: 1, setup: `(shared) => shared.queue("S", { maxsize: 1, slotBytes: -1 })`, worker: "() => {}" }));
    expect(slot.message).toMatch(/^Queue "S": slotBytes must be a whole number from 0 to 65536; got -1\.$/);
  });
});
