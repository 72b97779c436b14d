/** The simulated GIL on real Node workers: exclusive, handed over on request, released by I/O. */
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario } from "../engine/compile";
import { createNodePool } from "../engine/node-pool";
import { startRun } from "../engine/run";
import { Header, layoutOf } from "./memory";
import { EventKind, TraceReader, type TraceEvent } from "./trace";

const pool = createNodePool();
afterAll(() => pool.close());

async function traced(mode: string, body: string, workers = 4) {
  const compiled = compileScenario(`
import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: ${workers},
  interpreter: () => ({ mode: "${mode}", switchIntervalMs: 1 }),
  setup: (shared) => ({ n: shared.int("n") }),
  worker: ({ n }, ctx) => { ${body} },
  result: ({ n }) => n.get(),
});`);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const handle = startRun(pool, { js: compiled.js, params: {}, goals: [], timeLimitMs: 20_000 });
  const outcome = await handle.outcome;
  if (outcome.status !== "done") throw new Error(JSON.stringify(outcome));
  const words = new Int32Array(handle.memory);
  const reader = new TraceReader(handle.memory, layoutOf(words), workers);
  return { events: reader.drain(), switches: Atomics.load(words, Header.gilSwitches), dropped: reader.dropped, outcome };
}

/** Each worker's GIL holding intervals, from its take and drop events. */
function holdings(events: readonly TraceEvent[]): { worker: number; from: number; to: number }[] {
  const open = new Map<number, number>();
  const spans: { worker: number; from: number; to: number }[] = [];
  for (const e of events) {
    if (e.kind === EventKind.GilTake) open.set(e.worker, e.time);
    if (e.kind === EventKind.GilDrop) {
      spans.push({ worker: e.worker, from: open.get(e.worker)!, to: e.time });
      open.delete(e.worker);
    }
  }
  expect(open.size).toBe(0);
  return spans.sort((a, b) => a.from - b.from);
}

describe("the simulated GIL", () => {
  it("has at most one holder at any instant, and hands over between CPU-bound workers", async () => {
    const { events, switches, dropped } = await traced("gil", "ctx.cpu(30); n.add(1);");
    expect(dropped).toBe(0);
    const spans = holdings(events);
    expect(new Set(spans.map((s) => s.worker)).size).toBe(4);
    for (let i = 1; i < spans.length; i++) {
      // Drops are traced before the release and takes after the acquire: holdings never overlap.
      expect(spans[i]!.from).toBeGreaterThanOrEqual(spans[i - 1]!.to);
    }
    // Four workers wanting it for far longer than the 1 ms interval force switches.
    expect(switches).toBeGreaterThan(4);
  });

  it("counts a switch only when the holder changes: one worker retaking its own GIL after 100 I/O waits switched once", async () => {
    const { events, switches } = await traced("gil", "for (let i = 0; i < 100; i++) ctx.io(0); n.add(1);", 1);
    expect(events.filter((e) => e.kind === EventKind.GilTake)).toHaveLength(101);
    expect(switches).toBe(1);
  });

  it("lets no worker retaking its own GIL starve the others: every CPU-bound worker runs while the I/O-bound one loops, and each switch is a change of holder", async () => {
    // Worker A drops and retakes the GIL 300 times, far more often than the 1 ms interval: the waiting
    // workers must still see that nobody switched, ask for the GIL, and get it while A is running.
    const body = `if (ctx.id === 0) for (let i = 0; i < 300; i++) { ctx.io(0); ctx.cpu(0.2); } else ctx.cpu(30);`;
    const { events, switches, dropped } = await traced("gil", body, 3);
    expect(dropped).toBe(0);
    const takes = events.filter((e) => e.kind === EventKind.GilTake).sort((a, b) => a.time - b.time);
    const firstOfA = takes.findIndex((e) => e.worker === 0);
    const lastOfA = takes.findLastIndex((e) => e.worker === 0);
    const betweenA = new Set(takes.slice(firstOfA, lastOfA).map((e) => e.worker));
    expect([...betweenA].sort()).toEqual([0, 1, 2]);
    const changes = takes.filter((e, i) => i === 0 || e.worker !== takes[i - 1]!.worker);
    expect(switches).toBe(changes.length);
    // Each take is traced with the switch count it left: a retake leaves it as it was.
    expect(takes.map((e) => e.value)).toEqual(takes.map((e) => changes.filter((c) => c.time <= e.time).length));
  });

  it("is released during I/O, so other workers run meanwhile", async () => {
    const { events } = await traced("gil", "ctx.io(30); ctx.cpu(5); n.add(1);", 2);
    const ioStarts = events.filter((e) => e.kind === EventKind.IoStart);
    const ioEnds = events.filter((e) => e.kind === EventKind.IoEnd);
    expect(ioStarts).toHaveLength(2);
    // Both workers were in I/O at the same time: the GIL did not serialise their waits.
    expect(Math.max(...ioStarts.map((e) => e.time))).toBeLessThan(Math.min(...ioEnds.map((e) => e.time)));
  });

  it("does nothing in free-threaded and processes modes", async () => {
    for (const mode of ["free-threaded", "processes"]) {
      const { events, switches, outcome } = await traced(mode, "ctx.cpu(20); n.add(1);");
      expect(switches).toBe(0);
      expect(events.some((e) => e.kind === EventKind.GilTake)).toBe(false);
      expect(outcome.status === "done" && outcome.result).toBe(4);
    }
  });

  it("hands over as often as the switch interval asks, and no more often: 2 CPU-bound workers at 1 ms and at 20 ms", async () => {
    const switching = async (intervalMs: number) => {
      const outcome = await startRun(pool, { js: scenario(`{ mode: "gil", switchIntervalMs: ${intervalMs} }`, "ctx.cpu(100);", 2), params: {}, goals: [], timeLimitMs: 20_000 }).outcome;
      if (outcome.status !== "done") throw new Error(JSON.stringify(outcome));
      return outcome;
    };
    // A waiter asks for the GIL only after a whole interval without a switch, so at 20 ms there is at most one
    // switch per 20 ms of the run, plus the first take (and one for the clocks of two threads). Load only
    // stretches the run, so this bound holds however busy the machine is.
    const slow = await switching(20);
    expect(slow.gilSwitches).toBeLessThanOrEqual(slow.bodyMs / 20 + 2);
    // Ideally 20 times as many per second at 1 ms. But timed waits here wake on a 4 ms tick, and each hand-over
    // waits for a thread to be scheduled: this 2-core machine gave 4 to 7 times as many, 3 with four busy loops
    // beside the test, 2 at worst under other suites' load, while the same interval twice differs by up to 1.3.
    const fast = await switching(1);
    expect(fast.gilSwitches / fast.bodyMs).toBeGreaterThan((1.5 * slow.gilSwitches) / slow.bodyMs);
  });

  it("refuses an unknown mode and a nonsensical switch interval", async () => {
    const refusal = async (interpreter: string) => {
      const outcome = await startRun(pool, { js: scenario(interpreter, "", 1), params: {}, goals: [] }).outcome;
      return outcome.status === "error" && outcome.error.message;
    };
    expect(await refusal(`{ mode: "gill" as never }`)).toMatch(/Unknown interpreter mode "gill": use one of gil, free-threaded, processes/);
    for (const interval of ["0", "-1", "Number.NaN", "10_001"]) {
      expect(await refusal(`{ mode: "gil", switchIntervalMs: ${interval} }`)).toMatch(/^The switch interval must be between 0 and 10,000 ms; got (0|-1|NaN|10001)\.$/);
    }
  });
});

/** A scenario of `workers` workers that each run `body`, under `interpreter`. */
function scenario(interpreter: string, body: string, workers: number): string {
  const compiled = compileScenario(`
import { defineScenario } from "interleave";
export default defineScenario({
  params: {}, workers: ${workers},
  interpreter: () => (${interpreter}),
  setup: () => ({}), worker: (_shared, ctx) => { ${body} }, result: () => 0,
});`);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.js;
}
