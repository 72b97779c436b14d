/**
 * Plausible traces without workers, for tests, the benchmark and dev
 * harnesses: a small simulation of workers under one GIL (forced switches,
 * lock waits, I/O, marks) or free-threaded, emitting the events in the order
 * the runtime does (see builder.ts) and delivered as `TraceReader.drain()`
 * would deliver them: one batch per 16 ms frame, worker by worker.
 */
import { EventKind, type TraceEvent } from "../../runtime/trace";

export interface SyntheticTraceOptions {
  readonly workers: number;
  /** About how many events to make (the simulation stops at the first slice past it). */
  readonly events: number;
  readonly mode: "gil" | "free-threaded";
  readonly seed?: number;
}

export interface SyntheticTrace {
  readonly events: TraceEvent[];
  readonly names: Map<number, string>;
  /** Time 0 on the shared clock. */
  readonly origin: number;
  /** Shared-clock time of the last event. */
  readonly end: number;
}

const ORIGIN = 1_700_000_000_000;
const FRAME_MS = 16;
/** Word indices where a real arena would put three locks. */
const LOCKS = new Map([
  [524_368, "counter_lock"],
  [524_370, "queue_lock"],
  [524_372, "log_lock"],
]);
const LOCK_INDICES = [...LOCKS.keys()];

type Emitted = { time: number; kind: EventKind; object: number; value: number };

export function syntheticTrace({ workers, events, mode, seed = 1 }: SyntheticTraceOptions): SyntheticTrace {
  const random = mulberry32(seed);
  const perWorker = mode === "gil" ? simulateGil(workers, events, random) : simulateFree(workers, events, random);
  const drained = drainOrder(perWorker);
  return { events: drained, names: new Map(LOCKS), origin: ORIGIN, end: drained.reduce((end, e) => Math.max(end, e.time), ORIGIN) };
}

/** Slice lengths: mostly short, capped at CPython's 5 ms switch interval. */
function slice(random: () => number): number {
  return Math.min(5, 0.02 - Math.log(1 - random()) * 0.4);
}

function simulateGil(workers: number, target: number, random: () => number): Emitted[][] {
  const out = Array.from({ length: workers }, (): Emitted[] => []);
  const dueAt = new Float64Array(workers).fill(-1);
  const waitingOn = new Int32Array(workers);
  const inIo = new Uint8Array(workers);
  let total = 0;
  let switches = 0;
  let t = 0;
  const emit = (w: number, kind: EventKind, object = 0, value = 0, at = t): void => {
    out[w]!.push({ time: at, kind, object, value });
    total++;
  };
  const release = (now: number): void => {
    for (let w = 0; w < workers; w++) {
      if (dueAt[w]! < 0 || dueAt[w]! > now) continue;
      if (inIo[w]) emit(w, EventKind.IoEnd, 0, 0, dueAt[w]);
      inIo[w] = 0;
      dueAt[w] = -1;
    }
  };
  const ready = (w: number): boolean => dueAt[w]! < 0;
  for (let w = 0; w < workers; w++) emit(w, EventKind.Start, 0, 0, w * 0.01);
  t = workers * 0.01;
  let holder = workers - 1;
  while (total < target) {
    release(t);
    const next = nextReady(workers, holder, ready);
    if (next < 0) {
      t = Math.min(...Array.from(dueAt).filter((d) => d >= 0));
      continue;
    }
    holder = next;
    emit(holder, EventKind.GilTake, 0, ++switches);
    if (waitingOn[holder]) {
      emit(holder, EventKind.Wake, waitingOn[holder], 0, t + 0.002);
      emit(holder, EventKind.Acquire, waitingOn[holder], holder, t + 0.003);
      waitingOn[holder] = 0;
    }
    for (;;) {
      t += slice(random);
      release(t);
      const r = random();
      if (r < 0.02) {
        emit(holder, EventKind.Mark, 0, total % 10);
        continue;
      }
      if (r < 0.3) {
        const lock = LOCK_INDICES[Math.floor(random() * LOCK_INDICES.length)]!;
        emit(holder, EventKind.Wait, lock);
        emit(holder, EventKind.GilDrop, 0, switches, t + 0.001);
        waitingOn[holder] = lock;
        dueAt[holder] = t + 0.1 + random() * 3;
        break;
      }
      if (r < 0.4) {
        const ms = 1 + random() * 8;
        emit(holder, EventKind.GilDrop, 0, switches);
        emit(holder, EventKind.IoStart, 0, Math.round(ms), t + 0.001);
        inIo[holder] = 1;
        dueAt[holder] = t + ms;
        break;
      }
      if (nextReady(workers, holder, (w) => w !== holder && ready(w)) >= 0) {
        emit(holder, EventKind.GilDrop, 0, switches);
        break;
      }
    }
    t += 0.005;
  }
  for (let w = 0; w < workers; w++) {
    t = Math.max(t, dueAt[w]!) + 0.05;
    release(t);
    emit(w, EventKind.GilTake, 0, ++switches);
    if (waitingOn[w]) emit(w, EventKind.Wake, waitingOn[w], 0, t + 0.002);
    emit(w, EventKind.GilDrop, 0, switches, t + 0.2);
    emit(w, EventKind.End, 0, 0, t + 0.21);
    t += 0.21;
  }
  return out;
}

function simulateFree(workers: number, target: number, random: () => number): Emitted[][] {
  const budget = Math.ceil(target / workers);
  return Array.from({ length: workers }, (_, w) => {
    const out: Emitted[] = [{ time: w * 0.01, kind: EventKind.Start, object: 0, value: 0 }];
    let t = w * 0.01;
    const emit = (kind: EventKind, object = 0, value = 0): void => void out.push({ time: t, kind, object, value });
    while (out.length < budget) {
      t += slice(random);
      const r = random();
      if (r < 0.1) emit(EventKind.Mark, 0, out.length % 10);
      else if (r < 0.6) {
        const lock = LOCK_INDICES[Math.floor(random() * LOCK_INDICES.length)]!;
        emit(EventKind.Wait, lock);
        t += 0.05 + random() * 2;
        emit(EventKind.Wake, lock, random() < 0.05 ? 1 : 0);
        emit(EventKind.Acquire, lock, w);
      } else {
        const ms = 0.5 + random() * 4;
        emit(EventKind.IoStart, 0, Math.round(ms));
        t += ms;
        emit(EventKind.IoEnd, 0, Math.round(ms));
      }
    }
    t += 0.1;
    emit(EventKind.End);
    return out;
  });
}

function nextReady(workers: number, after: number, ready: (w: number) => boolean): number {
  for (let step = 1; step <= workers; step++) {
    const w = (after + step) % workers;
    if (ready(w)) return w;
  }
  return -1;
}

/** Frame by frame, worker by worker, as the page's reader drains the rings. */
function drainOrder(perWorker: readonly Emitted[][]): TraceEvent[] {
  const events: TraceEvent[] = [];
  const read = perWorker.map(() => 0);
  const last = Math.max(...perWorker.map((list) => list.at(-1)?.time ?? 0));
  for (let frameEnd = FRAME_MS; frameEnd < last + FRAME_MS; frameEnd += FRAME_MS) {
    perWorker.forEach((list, worker) => {
      let i = read[worker]!;
      for (; i < list.length && list[i]!.time < frameEnd; i++) {
        const { time, kind, object, value } = list[i]!;
        events.push({ worker, time: ORIGIN + time, kind, object, value });
      }
      read[worker] = i;
    });
  }
  return events;
}

/** A small seeded PRNG (Tommy Ettinger's mulberry32): the same trace on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
