/** Condition on real Node workers under contention, through whole runs (see testing.ts). */
import { describe, expect, it } from "vitest";
import { errorOf, expectMisuse, resultOf, scenarioRunner, type ScenarioParts } from "./testing";

const run = scenarioRunner();

/** `c` is over a Lock, `rc` over its own RLock, `r` an RLock given to `cr`. */
const conditions = (body: string, workers = 4, n = 1): ScenarioParts => ({
  workers,
  n,
  setup: `(shared) => {
    const r = shared.rlock("R");
    return { c: shared.condition("C", shared.lock("L")), rc: shared.condition("RC"), r, cr: shared.condition("CR", r),
      items: shared.int("items"), taken: shared.int("taken"), turn: shared.int("turn"), last: shared.int("last", 3),
      arrivals: shared.int("arrivals"), woke: shared.int("woke"), phase: shared.int("phase"), bad: shared.int("bad"), out: shared.int("out") };
  }`,
  worker: `({ c, rc, r, cr, items, taken, turn, last, arrivals, woke, phase, bad, out }, { id, params, io }) => {
    ${body}
  }`,
  result: `({ items, taken, woke, bad, out }) => ({ items: items.get(), taken: taken.get(), woke: woke.get(), bad: bad.get(), out: out.get() })`,
});

describe("Condition (Python's FIFO of per-waiter futex words)", () => {
  it("counts exactly under contention: 2 producers and 2 consumers pass 2 x 5,000 items through a counter, over an RLock", async () => {
    const body = `const cond = rc;
    for (let i = 0; i < params.n; i++) {
      cond.acquire();
      if (id < 2) {
        items.set(items.get() + 1);
        cond.notify();
      } else {
        while (items.get() === 0) cond.wait();
        items.set(items.get() - 1);
        taken.add(1);
      }
      cond.release();
    }`;
    expect(resultOf(await run(conditions(body, 4, 5_000)))).toMatchObject({ items: 0, taken: 10_000, bad: 0 });
  });

  it.each(["free-threaded", "gil"])("loses no wake-up with notify(): a turn goes 1,000 times around 4 workers, each waiting on its own condition over one Lock (%s)", async (mode) => {
    const result = await run({
      workers: 4,
      mode,
      n: 1_000,
      setup: `(shared) => {
        const lock = shared.lock("L");
        return { ring: [0, 1, 2, 3].map((i) => shared.condition("C" + i, lock)), turn: shared.int("turn"), passes: shared.int("passes") };
      }`,
      worker: `({ ring, turn, passes }, { id, params }) => {
        const mine = ring[id], next = ring[(id + 1) % 4];
        for (let i = 0; i < params.n; i++) {
          mine.acquire();
          while (turn.get() !== id) mine.wait();
          passes.add(1);
          turn.set((id + 1) % 4);
          next.notify();
          mine.release();
        }
      }`,
      result: `({ passes }) => passes.get()`,
    });
    expect(resultOf(result)).toBe(4_000);
  });

  it("passes a turn around 4 workers in order with waitFor and notifyAll, 4 x 500 turns", async () => {
    const body = `for (let i = 0; i < params.n; i++) {
      const held = rc.hold();
      try {
        rc.waitFor(() => turn.get() === id);
        if (last.get() !== (id + 3) % 4) bad.add(1);
        last.set(id);
        taken.add(1);
        turn.set((id + 1) % 4);
        rc.notifyAll();
      } finally {
        held[Symbol.dispose]();
      }
    }`;
    expect(resultOf(await run(conditions(body, 4, 500)))).toMatchObject({ taken: 2_000, bad: 0 });
  });

  it("notify(2) wakes exactly the 2 longest waiters; notifyAll wakes the last", async () => {
    const body = `if (id === 0) {
      for (;;) {
        c.acquire();
        if (arrivals.get() === 3) break;
        c.release();
        io(1);
      }
      c.notify(2);
      c.release();
      while (woke.get() < 2) io(1);
      io(30);
      out.set(woke.get());
      c.acquire();
      phase.set(1);
      c.notifyAll();
      c.release();
    } else {
      c.acquire();
      const ticket = arrivals.add(1);
      if (!c.wait(10)) bad.add(1);
      if (phase.get() === 0) taken.add(ticket);
      woke.add(1);
      c.release();
    }`;
    // Arrival tickets 1 and 2 (sum 3) woke before notifyAll; the third stayed asleep until it.
    expect(resultOf(await run(conditions(body)))).toEqual({ items: 0, taken: 3, woke: 3, bad: 0, out: 2 });
  });

  it("times out wait and waitFor within bounds for every worker, each holding the lock again at its depth", async () => {
    const body = `cr.acquire();
    cr.acquire();
    let started = performance.now();
    if (cr.wait(0.05)) bad.add(1);
    let waited = performance.now() - started;
    if (waited < 45 || waited > 5000 || r.holder() !== id) bad.add(1);
    started = performance.now();
    if (cr.waitFor(() => items.get() === 1, 0.05) !== false) bad.add(1);
    waited = performance.now() - started;
    if (waited < 45 || waited > 5000 || r.holder() !== id) bad.add(1);
    cr.release();
    if (r.holder() !== id) bad.add(1);
    cr.release();
    taken.add(1);`;
    expect(resultOf(await run(conditions(body)))).toMatchObject({ taken: 4, bad: 0 });
  });

  it("wait frees an RLock held twice, so another worker can take it, and restores both levels", async () => {
    const body = `if (id === 0) {
      cr.acquire();
      cr.acquire();
      items.set(1);
      if (!cr.wait(10)) bad.add(1);
      cr.release();
      cr.release();
      if (r.holders().length !== 0) bad.add(1);
      if (!attempt(() => cr.release()).startsWith("ScenarioUsageError")) bad.add(1);
    } else {
      while (items.get() !== 1) {}
      cr.acquire();
      taken.add(1);
      cr.notify();
      cr.release();
    }`;
    expect(resultOf(await run(conditions(body, 2)))).toMatchObject({ taken: 1, bad: 0 });
  });

  it("refuses wait without the lock, naming the condition, its lock, the worker and the line", async () => {
    const parts = conditions("if (id === 1) rc.wait(1);", 2);
    expectMisuse(await run(parts), parts, "rc.wait(1)", 1, /^Condition "RC"\.wait: worker B does not hold the condition's lock "RC\.lock"/);
  });

  it("refuses notify, notifyAll and waitFor without the lock, notify(-1), a NaN timeout, and a lock that is not one", async () => {
    const log = await run({
      workers: 1,
      setup: `(shared) => ({ c: shared.condition("C", shared.lock("L")), log: [] })`,
      worker: `({ c, log }) => {
        log.push(attempt(() => c.notify()), attempt(() => c.notifyAll()), attempt(() => c.waitFor(() => true)));
        c.acquire();
        log.push(attempt(() => c.notify(-1)), attempt(() => c.wait(NaN)), attempt(() => c.notify(0)), attempt(() => c.notifyAll()));
        c.release();
      }`,
      result: `({ log }) => log`,
    });
    const notHeld = (op: string) => `ScenarioUsageError: Condition "C".${op}: worker A does not hold the condition's lock "L". Acquire it first (acquire() or hold()).`;
    expect(resultOf(log)).toEqual([
      notHeld("notify"),
      notHeld("notifyAll"),
      notHeld("waitFor"),
      'ScenarioUsageError: Condition "C".notify(n): n must be a whole number >= 0; got -1.',
      expect.stringMatching(/^ScenarioUsageError: Condition "C"\.wait: timeout must be a number of seconds >= 0/),
      "returned",
      "returned",
    ]);
    const notALock = errorOf(await run({ workers: 1, setup: `(shared) => shared.condition("X", shared.int("i"))`, worker: "() => {}" }));
    expect(notALock).toMatchObject({ phase: "setup", message: expect.stringMatching(/^Condition "X": its lock must be a Lock or an RLock/) });
  });
});
