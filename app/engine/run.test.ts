import { afterAll, describe, expect, it } from "vitest";
import { compileScenario } from "./compile";
import { createNodePool } from "./node-pool";
import { spawnNodeRunner } from "./node-runner";
import { NODE_RUNNER_HEAP_MB } from "./out-of-memory";
import { WorkerPool } from "./pool";
import { startRun, type RunOutcome } from "./run";

const pool = createNodePool();
afterAll(() => pool.close());

function compile(source: string): string {
  const compiled = compileScenario(source);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.js;
}

function run(source: string, params: Record<string, number | string> = {}, timeLimitMs?: number): Promise<RunOutcome> {
  return startRun(pool, { js: compile(source), params, goals: [], timeLimitMs }).outcome;
}

/** A counter scenario whose body is `body`, run by `workers` workers. */
const counter = (body: string) => `
import { defineScenario, param } from "interleave";
export default defineScenario({
  params: { workers: param.int({ default: 4, min: 1, max: 8 }), n: param.int({ default: 1000, min: 1, max: 1e7 }) },
  setup: (shared) => ({ counter: shared.int("counter"), lock: shared.lock("lock") }),
  worker: ({ counter, lock }, { params }) => {
    for (let i = 0; i < params.n; i++) {
      ${body}
    }
  },
  result: ({ counter }, params) => ({ expected: params.workers * params.n, actual: counter.get() }),
});`;

function expectDone(outcome: RunOutcome): Extract<RunOutcome, { status: "done" }> {
  if (outcome.status !== "done") throw new Error(`expected done, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe("a run on real Node workers", () => {
  it("keeps every increment under the lock: 4 workers x 200,000 contending", async () => {
    const done = expectDone(
      await run(counter("lock.acquire(); counter.set(counter.get() + 1); lock.release();"), { workers: 4, n: 200_000 }),
    );
    expect(done.result).toEqual({ expected: 800_000, actual: 800_000 });
    expect(done.workers).toHaveLength(4);
  });

  it("keeps every increment with an atomic add: 4 workers x 200,000", async () => {
    const done = expectDone(await run(counter("counter.add(1);"), { workers: 4, n: 200_000 }));
    expect(done.result).toEqual({ expected: 800_000, actual: 800_000 });
  });

  it("reuses warm workers across runs: three runs of 2 workers start only 2", async () => {
    let started = 0;
    const counting = new WorkerPool(() => (started++, spawnNodeRunner()), 0);
    try {
      for (let i = 0; i < 3; i++) {
        const done = expectDone(await startRun(counting, { js: compile(counter("counter.add(1);")), params: { workers: 2, n: 10 }, goals: [] }).outcome);
        expect(done.result).toEqual({ expected: 20, actual: 20 });
      }
      expect(started).toBe(2);
    } finally {
      counting.close();
    }
  });

  it("reports an error thrown in a worker with the worker and the line", async () => {
    const source = counter('if (params.n > 0 && i === 5) throw new Error("boom");');
    const outcome = await run(source, { workers: 2, n: 10 });
    expect(outcome.status).toBe("error");
    if (outcome.status !== "error") return;
    expect(outcome.error.message).toBe("boom");
    expect(outcome.error.phase).toBe("worker");
    expect([0, 1]).toContain(outcome.error.workerId);
    const line = source.split("\n").findIndex((l) => l.includes("boom")) + 1;
    expect(outcome.error.line).toBe(line);
  });

  it("refuses to release an unlocked lock, naming the lock and the line", async () => {
    const source = counter("lock.release();");
    const outcome = await run(source, { workers: 1, n: 1 });
    if (outcome.status !== "error") throw new Error(JSON.stringify(outcome));
    expect(outcome.error.message).toMatch(/Lock "lock": release of an unlocked lock/);
    expect(outcome.error.line).toBe(source.split("\n").findIndex((l) => l.includes("lock.release();")) + 1);
  });

  it("times out a lock acquire held elsewhere, and rejects a NaN timeout", async () => {
    const source = `
import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: (shared) => ({ lock: shared.lock("L"), gotIt: shared.int("got"), timedOut: shared.int("timedOut"), held: shared.int("held") }),
  worker: ({ lock, gotIt, timedOut, held }, { id }) => {
    if (id === 0) {
      lock.acquire();
      held.set(1);
      while (timedOut.get() === 0) {}
      lock.release();
    } else {
      while (held.get() === 0) {}
      if (lock.acquire({ timeout: 0.05 })) gotIt.set(1); else timedOut.set(1);
    }
  },
  result: ({ gotIt, timedOut }) => ({ gotIt: gotIt.get(), timedOut: timedOut.get() }),
});`;
    expect(expectDone(await run(source, {}, 10_000)).result).toEqual({ gotIt: 0, timedOut: 1 });
    const nan = await run(source.replace("{ timeout: 0.05 }", "{ timeout: NaN }"), {}, 10_000);
    if (nan.status !== "error") throw new Error(JSON.stringify(nan));
    expect(nan.error.message).toMatch(/timeout must be a number of seconds/);
  });

  it("stops a worker that never ends, by Stop and by the time limit", async () => {
    const source = counter("while (true) {}");
    const handle = startRun(pool, { js: compile(source), params: { workers: 2, n: 1 }, goals: [] });
    setTimeout(() => handle.stop(), 200);
    const stopped = await handle.outcome;
    expect(stopped).toMatchObject({ status: "stopped", reason: "stop" });
    const limited = await run(source, { workers: 2, n: 1 }, 300);
    expect(limited).toMatchObject({ status: "stopped", reason: "time-limit" });
    // The pool still works after its workers were terminated.
    expect(expectDone(await run(counter("counter.add(1);"), { workers: 2, n: 5 })).result).toEqual({ expected: 10, actual: 10 });
  });

  it("refuses more workers than a run can have, before starting them", async () => {
    const outcome = await run(counter("counter.add(1);").replace("max: 8", "max: 100000"), { workers: 100_000, n: 1 });
    if (outcome.status !== "error") throw new Error(JSON.stringify(outcome));
    expect(outcome.error.message).toBe("The scenario asked for 100,000 workers; a run can have at most 16. Lower the worker count.");
  });

  it("says a worker ran out of memory, names it, and runs the next run on a fresh worker", async () => {
    const hoarding = `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: () => ({}),
  worker: (state, { id }) => {
    if (id === 0) return;
    const hoard = [];
    for (;;) hoard.push(new Array(100_000).fill(id));
  },
  result: () => ({}),
});`;
    const outcome = await run(hoarding);
    if (outcome.status !== "error") throw new Error(`expected an error, got ${JSON.stringify(outcome)}`);
    expect(outcome.error).toMatchObject({ name: "MemoryError", workerId: 1 });
    expect(outcome.error.message).toContain(`filled the ${NODE_RUNNER_HEAP_MB} MB its heap may use`);
    const next = expectDone(await run(counter("counter.add(1);"), { workers: 2, n: 10 }));
    expect(next.result).toEqual({ expected: 20, actual: 20 });
  }, 60_000);

  it("refuses a buffer that would take a worker's run past its cap, naming the line, and the next run may allocate again", async () => {
    const allocating = (megabytes: number) => `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 1,
  setup: () => ({}),
  worker: () => {
    const samples = new Float64Array(${megabytes} * 131_072);
    samples[0] = 1;
  },
  result: () => ({}),
});`;
    const outcome = await run(allocating(2048));
    if (outcome.status !== "error") throw new Error(`expected an error, got ${JSON.stringify(outcome)}`);
    expect(outcome.error).toMatchObject({ name: "MemoryError", workerId: 0, line: 7 });
    expect(outcome.error.message).toContain("new Float64Array of 2,048 MB would bring this worker's buffers in this run to");
    for (let i = 0; i < 3; i++) expectDone(await run(allocating(400)));
  });

  it("hands the page each console line as it is written, so that a run stopped in an endless loop still shows what it logged", async () => {
    const handle = startRun(pool, {
      js: compile(`import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: () => { console.log("setting up"); return {}; },
  worker: (state, { id }) => {
    console.log("started", id);
    if (id === 1) for (;;) {}
  },
  result: () => ({}),
});`),
      params: {},
      goals: [],
    });
    const deadline = Date.now() + 10_000;
    while (handle.consoleLines.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    handle.stop();
    expect((await handle.outcome).status).toBe("stopped");
    // Setup runs on every worker but is shown once, as the first worker's.
    expect([...handle.consoleLines].sort((a, b) => a.worker - b.worker || a.line.localeCompare(b.line))).toEqual([
      { worker: 0, line: "setting up" },
      { worker: 0, line: "started 0" },
      { worker: 1, line: "started 1" },
    ]);
  });

  it("explains a scenario without a default export", async () => {
    const outcome = await run(`import { param } from "interleave"; export const x = 1;`);
    if (outcome.status !== "error") throw new Error(JSON.stringify(outcome));
    expect(outcome.error.message).toMatch(/no default export/);
    expect(outcome.error.phase).toBe("load");
  });
});
