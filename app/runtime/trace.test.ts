/**
 * The trace ring read while its writer laps it: a worker thread writes
 * events as fast as it can into a ring of 16, and this thread drains it
 * meanwhile. Each event carries its sequence number in its time, its object
 * and its value, so an event copied while the writer overwrote it shows
 * fields that disagree.
 */
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createRunMemory, layoutOf } from "./memory";
import { EventKind, TraceReader, TraceWriter, type TraceEvent } from "./trace";

const EVENTS = 2_000_000;
/** Far beyond what the writer needs alone: a guard so that a writer that never ends fails the test. */
const GUARD_MS = 20_000;

const sources = (name: string) => JSON.stringify(fileURLToPath(new URL(name, import.meta.url)));

/** Writes events 1 to EVENTS as worker 0, each numbered in every field, then sets the done flag. */
const writer = `require("sucrase/register/ts");
const { workerData } = require("node:worker_threads");
const { TraceWriter } = require(${sources("./trace.ts")});
const { layoutOf } = require(${sources("./memory.ts")});
const { memory, done } = workerData;
const trace = new TraceWriter(memory, layoutOf(new Int32Array(memory)), 0);
for (let seq = 1; seq <= ${EVENTS}; seq++) trace["emitAt"](seq, ${EventKind.Mark}, seq & 0xffffff, seq);
Atomics.store(done, 0, 1);`;

const workers: Worker[] = [];
afterAll(() => Promise.all(workers.map((w) => w.terminate())));

function consistent(event: TraceEvent): boolean {
  return event.kind === EventKind.Mark && event.time === event.value && event.object === (event.value & 0xffffff);
}

describe("the trace ring", () => {
  it("returns no torn event while its writer laps the reader: every event whole, in order, the rest counted as dropped, and each loss placed", () => {
    const memory = createRunMemory({ traceCapacity: 16, arenaBytes: 0 });
    const done = new Int32Array(new SharedArrayBuffer(4));
    workers.push(new Worker(writer, { eval: true, workerData: { memory, done } }));
    const reader = new TraceReader(memory, layoutOf(new Int32Array(memory)), 1);
    const events: TraceEvent[] = [];
    const losses: string[] = [];
    const drain = () => {
      events.push(...reader.drain());
      losses.push(...reader.losses.map(({ from, to }) => `${from}-${to}`));
    };
    const guard = performance.now() + GUARD_MS;
    while (Atomics.load(done, 0) === 0 && performance.now() < guard) drain();
    drain();
    expect(Atomics.load(done, 0), "the writer ended").toBe(1);
    expect(events.filter((e) => !consistent(e)).slice(0, 3)).toEqual([]);
    expect(events.every((e, i) => i === 0 || e.value > events[i - 1]!.value)).toBe(true);
    expect(events.length + reader.dropped).toBe(EVENTS);
    // Every hole in the numbers, and only those, is a loss from the event before it to the one after (a drain that kept nothing included).
    const holes = events.flatMap((e, i) => (e.value !== (i === 0 ? 1 : events[i - 1]!.value + 1) ? [`${i === 0 ? Number.NaN : events[i - 1]!.time}-${e.time}`] : []));
    expect(losses).toEqual(holes);
  });

  it("says where a drain lost a worker's events: after the last one read, before the first one kept", () => {
    const memory = createRunMemory({ traceCapacity: 4, arenaBytes: 0 });
    const layout = layoutOf(new Int32Array(memory));
    const writer = new TraceWriter(memory, layout, 1);
    const reader = new TraceReader(memory, layout, 2);
    const write = (from: number, to: number) => {
      for (let time = from; time <= to; time++) writer.emitAt(time, EventKind.Mark, 0, time);
    };
    write(1, 6);
    // The oldest slot left may be the one the writer writes next: it is counted lost too.
    expect(reader.drain().map((e) => e.time)).toEqual([4, 5, 6]);
    expect(reader.losses).toEqual([{ worker: 1, from: Number.NaN, to: 4 }]);
    write(7, 8);
    reader.drain();
    expect(reader.losses).toEqual([]);
    write(9, 20);
    expect(reader.drain().map((e) => e.time)).toEqual([18, 19, 20]);
    expect(reader.losses).toEqual([{ worker: 1, from: 8, to: 18 }]);
    expect(reader.dropped).toBe(3 + 9);
  });
});
