import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { createRunMemory, layoutOf } from "../runtime/memory";
import { TraceReader } from "../runtime/trace";
import { WorkerStatus } from "../runtime/worker-status";
import { compileScenario } from "./compile";
import { createNodePool } from "./node-pool";
import { startRun, type RunHandle, type RunOutcome } from "./run";
import { DEADLOCK_AFTER_MS, WATCHDOG_POLL_MS, watch, type Deadlock } from "./watchdog";

const pool = createNodePool();
afterAll(() => pool.close());

/**
 * Runs a scenario whose setup returns `objects` and whose workers each run
 * `body` (with `id`). A deadlock must be named half a second after it forms,
 * as the README promises: not sooner, and not much later.
 */
async function runWith(objects: string, body: string, workers = 2): Promise<RunOutcome> {
  const compiled = compileScenario(`
import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: ${workers},
  setup: (shared) => (${objects}),
  worker: (o, { id }) => { ${body} },
  result: (o) => o.passes?.get() ?? 0,
});`);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const handle = startRun(pool, { js: compiled.js, params: {}, goals: [], timeLimitMs: 60_000 });
  const outcome = await handle.outcome;
  if (outcome.status === "deadlock") {
    const namedAfter = sharedNow() - lastEventTime(handle);
    // Never before the half second: a moment in which every worker is blocked is no deadlock yet. (10 ms for
    // the clocks of two threads.)
    expect(namedAfter).toBeGreaterThanOrEqual(DEADLOCK_AFTER_MS - 10);
    // The watchdog looks every WATCHDOG_POLL_MS, so a quiet machine names it 500 to 600 ms after it formed (600 to
    // 700 ms seen here, outcome delivery included); the other 400 ms are for a loaded machine running the
    // watching thread's timers late.
    expect(namedAfter).toBeLessThan(DEADLOCK_AFTER_MS + WATCHDOG_POLL_MS + 400);
  }
  return outcome;
}

const sharedNow = () => performance.timeOrigin + performance.now();

/** When a run's last trace event happened: a deadlock forms with it (the last worker blocking, or ending). */
function lastEventTime(handle: RunHandle): number {
  const reader = new TraceReader(handle.memory, layoutOf(new Int32Array(handle.memory)), handle.workerCount);
  return Math.max(...reader.drain().map((event) => event.time));
}

/** Two locks and a flag, as `a`, `b` and `ready`. */
const run = (body: string, workers = 2) =>
  runWith('{ a: shared.lock("fork_a"), b: shared.lock("fork_b"), ready: shared.int("ready") }', `const { a, b, ready } = o; ${body}`, workers);

function deadlockMessage(outcome: RunOutcome): string {
  if (outcome.status !== "deadlock") throw new Error(`expected a deadlock, got ${JSON.stringify(outcome)}`);
  return outcome.deadlock.message;
}

describe("the watchdog", () => {
  it("names the cycle of a two-lock deadlock and stops the run", async () => {
    const outcome = await run(`
      const [first, second] = id === 0 ? [a, b] : [b, a];
      first.acquire();
      ready.add(1);
      while (ready.get() < 2) {}
      second.acquire();`);
    if (outcome.status !== "deadlock") throw new Error(JSON.stringify(outcome));
    expect(outcome.deadlock.cycle).toBe(true);
    expect(outcome.deadlock.message).toMatch(
      /^Deadlock: (A waits for lock fork_b held by B, which waits for lock fork_a held by A|B waits for lock fork_a held by A, which waits for lock fork_b held by B)\.$/,
    );
  });

  it("calls a plain Lock taken twice by its holder a self-deadlock", async () => {
    const outcome = await run("if (id === 0) { a.acquire(); a.acquire(); }");
    expect(deadlockMessage(outcome)).toMatch(/^Self-deadlock: worker A waits for lock fork_a, which it already holds/);
  });

  it("leaves alone a wait with a timeout, and workers that finish", async () => {
    // B's wait outlasts the watchdog's 500 ms, but it has a timeout: it will end by itself.
    const outcome = await run('if (id === 0) { a.acquire(); ready.set(1); } else { while (ready.get() === 0) {} if (a.acquire({ timeout: 1 })) throw new Error("took a held lock"); }');
    expect(outcome.status).toBe("done");
  });
});

describe("the watchdog's words", () => {
  it("says what each kind of object is waited for, naming no holder where a kind has none, and who has ended", async () => {
    const objects = `{
      go: shared.event("go"), cond: shared.condition("cond"), phase: shared.barrier("phase", 3),
      empty: shared.queue("empty", { maxsize: 1 }), full: shared.queue("full", { maxsize: 1 }), undone: shared.queue("undone", { maxsize: 1 }),
      stack: shared.lifoQueue("stack", { maxsize: 1 }), heap: shared.priorityQueue("heap", { maxsize: 1 }),
      signal: shared.semaphore("signal", 0), bounded: shared.boundedSemaphore("bounded", 0),
    }`;
    const waits = [
      "o.go.wait()",
      "o.cond.acquire(); o.cond.wait()",
      "o.phase.wait()",
      "o.empty.get()",
      "o.full.put(1); o.full.put(2)",
      "o.undone.put(1); o.undone.join()",
      "o.stack.get()",
      "o.heap.get()",
      "o.signal.acquire()",
      "o.bounded.acquire()",
      "return",
    ];
    const outcome = await runWith(objects, waits.map((wait, i) => `if (id === ${i}) { ${wait}; }`).join(" "), waits.length);
    expect(deadlockMessage(outcome)).toBe(
      "Deadlock: every worker that has not ended is waiting, and none can wake another. " +
        "A waits for event go to be set; B waits to be notified on condition cond; " +
        "C waits at barrier phase, where 1 worker waits for more to arrive; D waits for an item in queue empty; " +
        "E waits for room in queue full; F waits in join() for every item of queue undone to be marked done; " +
        "G waits for an item in LIFO queue stack; H waits for an item in priority queue heap; " +
        "I waits for a permit of semaphore signal; J waits for a permit of bounded semaphore bounded. K has ended.",
    );
  });

  it("does not call a semaphore taken twice by one worker a plain Lock's self-deadlock", async () => {
    const outcome = await runWith('{ s: shared.semaphore("s", 1) }', "o.s.acquire(); o.s.acquire();", 1);
    expect(deadlockMessage(outcome)).toBe(
      "Deadlock: worker A waits for a permit of semaphore s, and no other worker can release one: A took its permits itself and has not released them.",
    );
  });

  it("names a cycle through a semaphore's permit", async () => {
    const outcome = await runWith(
      '{ s: shared.semaphore("s", 1), l: shared.lock("l"), ready: shared.int("ready") }',
      "const [first, second] = id === 0 ? [o.s, o.l] : [o.l, o.s]; first.acquire(); o.ready.add(1); while (o.ready.get() < 2) {} second.acquire();",
    );
    expect(deadlockMessage(outcome)).toMatch(
      /^Deadlock: (A waits for lock l held by B, which waits for a permit of semaphore s held by A|B waits for a permit of semaphore s held by A, which waits for lock l held by B)\.$/,
    );
  });

  // The holder takes it and ends; the others wait until it has, then ask for it.
  const endsHolding = (objects: string, take: string, workers = 2) =>
    runWith(`{ ${objects}, ready: shared.int("ready") }`, `if (id === 0) { ${take}; o.ready.set(1); } else { while (o.ready.get() === 0) {} o.x.acquire(); }`, workers);

  it("says that a worker ended holding a lock, and who waits for it forever", async () => {
    const outcome = await endsHolding('x: shared.lock("x")', "o.x.acquire()", 3);
    expect(deadlockMessage(outcome)).toBe("Deadlock: A ended while still holding lock x; B and C wait for it forever.");
  });

  it("says that a worker ended holding an RLock it released once too few times", async () => {
    const outcome = await endsHolding('x: shared.rlock("x")', "o.x.acquire(); o.x.acquire(); o.x.release()");
    expect(deadlockMessage(outcome)).toBe("Deadlock: A ended while still holding RLock x (it released it fewer times than it acquired it); B waits for it forever.");
  });

  it("says that a worker ended holding a semaphore's permit it never returned", async () => {
    const outcome = await endsHolding('x: shared.semaphore("x", 1)', "o.x.acquire()");
    expect(deadlockMessage(outcome)).toBe("Deadlock: A ended while still holding a permit of semaphore x; B waits for it forever.");
  });
});

/** Runs `work` while `count` worker threads spin, so that the run's workers wait for a core after each wake-up. */
async function withBusyCores<T>(count: number, work: () => Promise<T>): Promise<T> {
  const spinners = Array.from({ length: count }, () => new Worker("for (;;) {}", { eval: true }));
  try {
    return await work();
  } finally {
    await Promise.all(spinners.map((spinner) => spinner.terminate()));
  }
}

const RUNS = 2;

/** `RUNS` runs of a scenario whose workers each run `body` `passes` times. */
async function everyRun(objects: string, body: string, workers: number, passes: number): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (let i = 0; i < RUNS; i++) outcomes.push(await runWith(objects, `for (let k = 0; k < ${passes}; k++) { ${body} }`, workers));
  return outcomes;
}

const finished = (outcome: RunOutcome) => (outcome.status === "done" ? outcome.result : `${outcome.status}: ${JSON.stringify(outcome)}`);

// A woken worker reads Blocked until it runs: with busy cores, every look may find every worker blocked
// on the same objects while a permit goes round. Only the workers' progress tells them apart.
describe("the watchdog, on free runs that keep moving", () => {
  // The worst case, written into a run's memory as the runtime writes it: at every look both workers read
  // Blocked on the same word, which holds what they sleep on, yet one of them has blocked again since.
  it("calls nothing a deadlock while a worker keeps blocking again, and names it once none has for the window", async () => {
    const memory = createRunMemory();
    const layout = layoutOf(new Int32Array(memory));
    const word = layout.arenaStart;
    const [a, b] = [0, 1].map((id) => new WorkerStatus(memory, layout, id));
    for (const status of [a!, b!]) status.blockedOn(word, word, 0, false);
    let found: { readonly deadlock: Deadlock; readonly at: number } | null = null;
    const stopWatching = watch(() => ({ memory, layout, workers: 2, objects: [] }), (deadlock) => (found = { deadlock, at: performance.now() }));
    let turn = 0;
    const passing = setInterval(() => (turn++ % 2 === 0 ? a! : b!).blockedOn(word, word, 0, false), WATCHDOG_POLL_MS / 2);
    await new Promise((resolve) => setTimeout(resolve, 3 * DEADLOCK_AFTER_MS));
    clearInterval(passing);
    const stoppedAt = performance.now();
    expect(found).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 2 * DEADLOCK_AFTER_MS));
    stopWatching();
    expect(found).not.toBeNull();
    expect(found!.at - stoppedAt).toBeGreaterThanOrEqual(DEADLOCK_AFTER_MS - 10);
  });

  it.each([3, 4])("never stops a ring of %i semaphores passing one permit round as a deadlock", async (workers) => {
    const passes = 20_000;
    const outcomes = await withBusyCores(2, () =>
      everyRun(
        `{ s: Array.from({ length: ${workers} }, (_, i) => shared.semaphore("s" + i, i === 0 ? 1 : 0)), passes: shared.int("passes") }`,
        `o.s[id].acquire(); o.passes.add(1); o.s[(id + 1) % ${workers}].release();`,
        workers,
        passes,
      ),
    );
    expect(outcomes.map(finished)).toEqual(Array(RUNS).fill(workers * passes));
  }, 180_000);

  it("never stops two workers taking turns on a condition as a deadlock", async () => {
    const passes = 20_000;
    const outcomes = await withBusyCores(2, () =>
      everyRun(
        '{ turn: shared.condition("turn", shared.lock("lock")), whose: shared.int("whose"), passes: shared.int("passes") }',
        "o.turn.acquire(); while (o.whose.get() !== id) o.turn.wait(); o.whose.set(1 - id); o.passes.add(1); o.turn.notify(); o.turn.release();",
        2,
        passes,
      ),
    );
    expect(outcomes.map(finished)).toEqual(Array(RUNS).fill(2 * passes));
  }, 180_000);
});
