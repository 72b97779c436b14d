/** Explore on real Node workers: it finds each classic bug on every run, and proves the fixed versions with a count. */
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario } from "../compile";
import { createNodePool } from "../node-pool";
import { explore, replay, runSchedule, type ExploreRequest } from "./explore";
import { encodeSchedule } from "./schedule";
import { objectLabel } from "../timeline/object-names";
import type { Goal } from "../course/lesson";

const pool = createNodePool(3);
afterAll(() => pool.close());

function scenario(setup: string, worker: string, result: string, workers = 2): string {
  return `import { defineScenario, param } from "interleave";
export default defineScenario({
  params: { n: param.int({ default: 3, min: 1, max: 100 }) },
  workers: ${workers},
  setup: ${setup},
  worker: ${worker},
  result: ${result},
});`;
}

/** A search of `source` for a schedule that breaks `promise` (or fails otherwise), without the random phase unless asked. */
function request(source: string, promise: Goal | null, n = 3): ExploreRequest {
  const compiled = compileScenario(source);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return { js: compiled.js, params: { n }, promises: promise ? [promise] : [], random: false };
}

const counter = (body: string) =>
  scenario(
    `(shared) => ({ c: shared.int("counter"), lock: shared.lock("lock") })`,
    `({ c, lock }, { params }) => { for (let i = 0; i < params.n; i++) { ${body} } }`,
    `({ c }) => c.get()`,
  );
const exact: Goal = { id: "exact", text: "the counter ends at 2 n", check: "result === 2 * params.n" };

describe("explore (preemption-bounded search on real workers)", () => {
  it("finds the lost update of 2 workers x 3 unlocked increments, with one preemption", async () => {
    const found = await explore(pool, request(counter("c.set(c.get() + 1);"), exact));
    expect(found.failure).toMatchObject({ kind: "broken", message: expect.stringMatching(/^No longer holds: the counter ends at 2 n\. The result was [1-5]\.$/) });
    expect(found.bound).toBe(1);
    // The bounded search tries schedules in one order, so the first it finds is always this one.
    expect(found.failure!.steps.length).toBe(14);
  });

  it("replays a found schedule to the same failure 20 times out of 20", async () => {
    const lost = request(counter("c.set(c.get() + 1);"), exact);
    const found = await explore(pool, lost);
    const choices = found.failure!.choices;
    const messages = new Set<string>();
    for (let k = 0; k < 20; k++) {
      const again = await runSchedule(pool, lost, { prefix: choices });
      messages.add(again.failure?.message ?? "no failure");
    }
    expect([...messages]).toEqual([found.failure!.message]);
  });

  it("reports no failure, exhaustively, for the locked increments, with the count of schedules", async () => {
    const result = await explore(pool, { ...request(counter("lock.acquire(); c.set(c.get() + 1); lock.release();"), exact), maxPreemptions: 2, reduce: false });
    expect(result).toMatchObject({ failure: null, exhaustive: true, complete: false, bound: 2, schedules: 188 });
  });

  it("raises the bound while the cap allows, and says how far it proved", async () => {
    const result = await explore(pool, { ...request(counter("lock.acquire(); c.set(c.get() + 1); lock.release();"), exact), reduce: false, budgetMs: 60_000 });
    expect(result).toMatchObject({ failure: null, exhaustive: true, complete: false, bound: 4, schedules: 5_000 });
  });

  it("says when it has tried every schedule there is: no bound left one out", async () => {
    // The bounded search's own proof; every order with equivalent ones skipped proves it in fewer (the two locks, below).
    const result = await explore(pool, { ...request(counter("lock.acquire(); c.set(c.get() + 1); lock.release();"), exact, 1), maxPreemptions: 6, reduce: false });
    // At bound 3 no schedule was cut by the bound: all 36 there are, and the search stops below its maximum of 6.
    expect(result).toMatchObject({ failure: null, exhaustive: true, complete: true, randomSchedules: 0, bound: 3, schedules: 36 });
  });

  it("goes on with random walk and PCT once the bound is searched, and shrinks what they find", async () => {
    const found = await explore(pool, { ...request(counter("c.set(c.get() + 1);"), exact), maxPreemptions: 0, random: true, reduce: false, budgetMs: 5_000, seed: 7 });
    expect(found.failure).toMatchObject({ kind: "broken", message: expect.stringMatching(/^No longer holds: the counter ends at 2 n\./), strategy: expect.stringMatching(/^(random walk|PCT)$/) });
    // A lost update needs one preemption, whatever the random schedule that found it took.
    expect(found.failure!.preemptions).toBe(1);
    expect(found.randomSchedules).toBeGreaterThan(0);
  });

  it("shrinks what the random search finds to the same failure, not to a simpler failure of another promise", async () => {
    const atMostOneLost: Goal = { id: "at-most-one-lost", text: "at most one update is lost", check: "result >= 2 * params.n - 1" };
    // Seed 7's first random walk loses exactly one update (5 preemptions). Losing one needs 2 preemptions (B must be
    // sent back after one increment); with 1, B finishes its loop while A holds a stale value and more are lost.
    const found = await explore(pool, { ...request(counter("c.set(c.get() + 1);"), null), promises: [atMostOneLost, exact], maxPreemptions: 0, random: true, reduce: false, budgetMs: 5_000, seed: 7 });
    expect(found.failure).toMatchObject({ kind: "broken", message: "No longer holds: the counter ends at 2 n. The result was 5." });
    expect(found.failure!.preemptions).toBeGreaterThanOrEqual(2);
    expect(found.failure!.preemptions).toBeLessThan(5);
  });

  it("keeps searching at random for the whole budget when the bounded search finds nothing", async () => {
    const result = await explore(pool, { ...request(counter("lock.acquire(); c.set(c.get() + 1); lock.release();"), exact), maxPreemptions: 1, random: true, reduce: false, budgetMs: 500 });
    expect(result).toMatchObject({ failure: null, exhaustive: true, complete: false, bound: 1 });
    expect(result.randomSchedules).toBeGreaterThan(10);
  });

  it("reports a run too long to explore as a possible livelock after one schedule, and unwinds its workers", async () => {
    const found = await explore(pool, request(counter("c.set(c.get() + 1);"), null, 6_000));
    expect(found).toMatchObject({ schedules: 1, failure: { kind: "livelock", message: expect.stringMatching(/^Possible livelock: .* make the parameters smaller/) } });
    const after = await explore(pool, request(counter("c.set(c.get() + 1);"), exact));
    expect(after.failure).toMatchObject({ kind: "broken" });
  });

  it("finds an error a worker throws in one schedule, in that schedule, every time", async () => {
    const source = scenario(
      `(shared) => ({ c: shared.int("counter") })`,
      `({ c }, { id }) => { c.set(c.get() + 1); if (id === 1 && c.get() === 1) throw new Error("B went first"); }`,
      `({ c }) => c.get()`,
    );
    for (let k = 0; k < 3; k++) {
      const found = await explore(pool, request(source, null));
      expect(found).toMatchObject({ bound: 0, failure: { kind: "error", message: "Error: B went first" } });
    }
  });

  it("finds what a query sees between two steps of another worker: locked() is a scheduling point of its own", async () => {
    const source = scenario(
      `(shared) => ({ x: shared.int("x"), l: shared.lock("l") })`,
      `({ x, l }, { id }) => {
        if (id === 1) {
          x.set(1);
          if (l.locked()) throw new Error("B saw the lock held");
        } else if (x.get() === 1) {
          l.acquire();
          l.release();
        }
      }`,
      `() => null`,
    );
    const found = await explore(pool, request(source, null));
    expect(found.failure).toMatchObject({ kind: "error", message: "Error: B saw the lock held" });
  });

  const elements = (body: string) =>
    scenario(
      `(shared) => ({ buf: shared.array("buf", 3) })`,
      `({ buf }, { params }) => { for (let i = 0; i < params.n; i++) { ${body} } }`,
      `({ buf }) => buf.toArray()`,
    );
  const elementExact: Goal = { id: "exact", text: "buf[1] ends at 2 n", check: "result[1] === 2 * params.n" };

  it("finds the lost update of unlocked increments of an array element, whose steps name the element", async () => {
    const found = await explore(pool, request(elements("buf.set(1, buf.get(1) + 1);"), elementExact));
    expect(found.failure).toMatchObject({ kind: "broken", message: expect.stringMatching(/^No longer holds: buf\[1\] ends at 2 n\./) });
    const named = new Set(found.failure!.steps.filter((step) => step.kind !== 0).map((step) => objectLabel(found.failure!.objects, step.object)));
    expect([...named]).toEqual(["buf[1]"]);
  });

  it("reports no failure, exhaustively, when the element is incremented with add", async () => {
    const result = await explore(pool, { ...request(elements("buf.add(1, 1);"), elementExact), maxPreemptions: 2, reduce: false });
    expect(result).toMatchObject({ failure: null, exhaustive: true, bound: 2 });
  });

  it("unwinds a livelock in which each worker spins until the other moves on, and searches on", async () => {
    const source = scenario(
      `(shared) => ({ flags: [shared.int("a"), shared.int("b")] })`,
      `({ flags }, { id }) => { while (flags[1 - id].get() === 0) {} flags[id].set(1); }`,
      `() => null`,
    );
    const found = await explore(pool, request(source, null));
    expect(found).toMatchObject({ schedules: 1, failure: { kind: "livelock" } });
    const after = await explore(pool, request(counter("c.set(c.get() + 1);"), exact));
    expect(after.failure).toMatchObject({ kind: "broken" });
  });

  it("starts every schedule with the scenario's own top-level variables and parameters afresh", async () => {
    const source = `import { defineScenario, param } from "interleave";
let bodies = 0;
export default defineScenario({
  params: { n: param.int({ default: 1, min: 1, max: 5 }) },
  workers: 2,
  setup: (shared) => ({ c: shared.int("counter") }),
  worker: ({ c }, { params }) => {
    bodies++;
    if (bodies > 1) throw new Error("a body ran twice in one module");
    if (params.n !== 1) throw new Error("an earlier schedule changed the parameters");
    params.n = 2;
    c.add(1);
  },
  result: ({ c }) => c.get(),
});`;
    const result = await explore(pool, request(source, null, 1));
    expect(result).toMatchObject({ failure: null, exhaustive: true, schedules: 3 });
  });

  it("finds the deadlock of two workers taking two locks in opposite order, and names the cycle", async () => {
    const source = scenario(
      `(shared) => ({ a: shared.lock("a"), b: shared.lock("b") })`,
      `({ a, b }, { id }) => { const [first, second] = id === 0 ? [a, b] : [b, a]; first.acquire(); second.acquire(); second.release(); first.release(); }`,
      `() => null`,
    );
    const result = await explore(pool, request(source, null));
    expect(result.failure).toMatchObject({ kind: "deadlock", message: expect.stringMatching(/^Deadlock: [AB] waits for lock [ab] held by [AB], which waits for lock [ab] held by [AB]\.$/) });
  });

  it("says that a worker ended holding a lock, not that the workers wait for one another", async () => {
    const source = scenario(`(shared) => ({ a: shared.lock("a") })`, `({ a }) => { a.acquire(); }`, `() => null`);
    const result = await explore(pool, request(source, null));
    expect(result.failure).toMatchObject({ kind: "deadlock", message: expect.stringMatching(/^Deadlock: ([AB]) ended while still holding lock a; (?!\1)[AB] waits for it forever\.$/) });
  });

  it("reports no failure, exhaustively, when both workers take the two locks in one order", async () => {
    const source = scenario(
      `(shared) => ({ a: shared.lock("a"), b: shared.lock("b") })`,
      `({ a, b }) => { a.acquire(); b.acquire(); b.release(); a.release(); }`,
      `() => null`,
    );
    const result = await explore(pool, request(source, null));
    expect(result).toMatchObject({ failure: null, exhaustive: true, complete: true, schedules: 9, equivalentSkipped: 8 });
  });

  it("times a wait out only when the schedule says so: a timed acquire with a back-off never deadlocks, exhaustively, the same search every time", async () => {
    const source = scenario(
      `(shared) => ({ a: shared.lock("a"), b: shared.lock("b"), done: shared.int("done") })`,
      `({ a, b, done }, ctx) => {
        const [first, second] = ctx.id === 0 ? [a, b] : [b, a];
        for (;;) {
          first.acquire();
          if (second.acquire({ timeout: 0.001 })) break; // 1 ms: far less than the real time between steps
          first.release();
          ctx.io(Math.random() * 10); // back off; in a gated run, a sleep lets the others move first
        }
        done.add(1);
        second.release();
        first.release();
      }`,
      `({ done }) => done.get()`,
    );
    // Without the every-order phase: it cannot finish a program that may retry forever, so its time, not the program, ends it.
    const first = await explore(pool, { ...request(source, null), maxPreemptions: 2, reduce: false });
    const again = await explore(pool, { ...request(source, null), maxPreemptions: 2, reduce: false });
    expect(first).toMatchObject({ failure: null, exhaustive: true, bound: 2 });
    expect(again.schedules).toBe(first.schedules);
  });

  const consumers = (wait: "if" | "while") =>
    scenario(
      `(shared) => { const lock = shared.lock("lock"); return { lock, ready: shared.condition("ready", lock), items: shared.int("items"), bad: shared.int("bad") }; }`,
      `({ lock, ready, items, bad }, { id }) => {
        lock.acquire();
        if (id === 0) {
          lock.release();
          for (let k = 0; k < 2; k++) { lock.acquire(); items.add(1); ready.notifyAll(); lock.release(); }
          return;
        }
        ${wait} (items.get() === 0) ready.wait();
        if (items.add(-1) < 0) bad.add(1);
        lock.release();
      }`,
      `({ bad }) => bad.get()`,
      3,
    );
  const neverNegative: Goal = { id: "never-negative", text: "no consumer takes from an empty buffer", check: "result === 0" };

  it("finds a condition wait guarded by if instead of while: a woken consumer takes from an empty buffer", async () => {
    const found = await explore(pool, request(consumers("if"), neverNegative));
    expect(found.failure).toMatchObject({ kind: "broken", message: "No longer holds: no consumer takes from an empty buffer. The result was 1." });
  });

  it("reports no failure, exhaustively with up to 1 preemption, when the wait is guarded by while", async () => {
    const result = await explore(pool, { ...request(consumers("while"), neverNegative), maxPreemptions: 1 });
    expect(result).toMatchObject({ failure: null, exhaustive: true, bound: 1 });
  });

  const barrier = (parties: number) => scenario(`(shared) => ({ b: shared.barrier("phase", ${parties}) })`, `({ b }) => { b.wait(); b.wait(); }`, `() => null`);

  it("finds the deadlock of a barrier with more parties than workers", async () => {
    const found = await explore(pool, request(barrier(3), null));
    expect(found.failure).toMatchObject({ kind: "deadlock", message: expect.stringContaining("barrier phase") });
    expect(found.bound).toBe(0);
  });

  it("reports no failure, exhaustively, for a barrier with one party per worker", async () => {
    const result = await explore(pool, request(barrier(2), null));
    expect(result).toMatchObject({ failure: null, exhaustive: true, complete: true, schedules: 7, equivalentSkipped: 2 });
  });

  const producersAndConsumers = (notify: "notify" | "notifyAll") =>
    scenario(
      `(shared) => { const lock = shared.lock("lock"); return { lock, changed: shared.condition("changed", lock), items: shared.int("items") }; }`,
      `({ lock, changed, items }, { id }) => {
        // One producer of two items, two consumers of one each, and room for one item.
        const producer = id === 0;
        for (let k = 0; k < (producer ? 2 : 1); k++) {
          lock.acquire();
          while (producer ? items.get() === 1 : items.get() === 0) changed.wait();
          items.add(producer ? 1 : -1);
          changed.${notify}();
          lock.release();
        }
      }`,
      `({ items }) => items.get()`,
      3,
    );

  it("finds the lost wake-up of notify where notifyAll was needed: producers and consumers on one condition", async () => {
    const found = await explore(pool, request(producersAndConsumers("notify"), null));
    expect(found.failure).toMatchObject({ kind: "deadlock" });
    // With no preemption at all: within the bound that the notifyAll version is proved to, below.
    expect(found.bound).toBe(0);
  });

  it("reports no failure, exhaustively with up to 1 preemption, when they notifyAll", async () => {
    const result = await explore(pool, { ...request(producersAndConsumers("notifyAll"), null), maxPreemptions: 1 });
    expect(result).toMatchObject({ failure: null, exhaustive: true, bound: 1 });
  });

  it("replays a shared schedule string to the same failure, and refuses it once the code or parameters change", async () => {
    const source = counter("c.set(c.get() + 1);");
    const lost = request(source, exact);
    const found = await explore(pool, lost);
    const text = encodeSchedule(found.failure!.steps, source, lost.params);
    const again = await replay(pool, lost, source, text);
    expect(again).toMatchObject({ execution: { failure: { kind: "broken", message: found.failure!.message } } });
    expect(await replay(pool, lost, `${source}\n`, text)).toEqual({ problem: expect.stringMatching(/^Code changed/) });
    expect(await replay(pool, { ...lost, params: { n: 4 } }, source, text)).toEqual({ problem: expect.stringMatching(/^Code changed/) });
  });

  it("says a schedule is not deterministic when the scenario's steps depend on randomness", async () => {
    const source = scenario(
      `(shared) => ({ c: shared.int("counter") })`,
      `({ c }) => { const reads = 1 + Math.floor(Math.random() * 1000); for (let i = 0; i < reads; i++) c.get(); }`,
      `() => null`,
    );
    const random = request(source, null);
    const first = await runSchedule(pool, random, { prefix: [] });
    const text = encodeSchedule(first.steps, source, random.params);
    const kinds = [];
    for (let k = 0; k < 3; k++) {
      const again = await replay(pool, random, source, text);
      kinds.push("execution" in again ? again.execution.failure?.kind : again.problem);
    }
    expect(kinds).toContain("diverged");
  });
});
