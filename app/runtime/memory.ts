/**
 * The shared memory of one run: a single SharedArrayBuffer viewed as 32-bit
 * words. Its regions, in order:
 *
 *   header        run-wide words: the start gate, the gate mode, the GIL
 *   worker status per worker: running, blocked (on what, until when, how often), done
 *   turn slots    per worker, a cache line each: a gated run's turns (turnstile.ts)
 *   trace heads   per worker: how many trace events it has written
 *   trace rings   per worker: its last `traceCapacity` events (see trace.ts)
 *   arena         the scenario's shared objects
 *
 * The trace capacity is written in the header, so every thread derives the
 * same layout from the buffer alone.
 *
 * Allocation in the arena is a bump pointer that each worker keeps privately.
 * Every worker runs the same `setup` in the same order, so every worker
 * computes the same word index for every object: a shared object is just
 * (buffer, index), as in the SpiderMonkey lock-and-condition primitives, and
 * nothing is sent between threads to "share" it.
 */
import { runtimeMessage } from "./messages/message";

/** A run has at most this many workers: the status and trace regions have a slot for each. */
export const MAX_WORKERS = 16;

/** Word indices of the run header. */
export const Header = {
  /** Workers that have reached the start gate. */
  startArrived: 0,
  /** 0 until the last worker arrives, then 1: the start gate is open. */
  startOpen: 1,
  /** Scheduling-point mode (0 = free run). Read by the gate on every point. */
  gateMode: 2,
  /** The simulated GIL's words (see gil.ts). */
  gilHolder: 3,
  gilDropRequest: 4,
  gilSwitches: 5,
  gilMode: 6,
  switchIntervalMicros: 7,
  /** Events each worker's trace ring holds. */
  traceCapacity: 8,
  /** 1 to trace every acquire and release; 0 to trace only blocking, the GIL, I/O and marks. */
  traceAll: 9,
  /** Integers sorted in one CPU unit, measured once per run so that a unit is about 1 ms here (see work.ts). */
  cpuUnitIterations: 10,
  /** Gated runs: bumped by a worker each time it parks, blocks or ends; the controller sleeps on it. */
  gateSignal: 11,
  /** Gated runs: 1 when workers record the scenario line of each point (step mode; explore wants speed). */
  gateLines: 12,
  /** Explore's repeated runs (epochs.ts): bumped by the controller with a command for the workers between bodies. */
  epoch: 13,
  /** The simulated GIL's last holder (worker id + 1, 0 before the first take): a take by another is a switch. */
  gilLastHolder: 14,
  /** 1 once a body of this epoch threw, or its result broke a goal. */
  epochFailed: 15,
  /** What failed, as a hash (the error's class and message, or the broken goal's id): a shrunk schedule must fail the same way. */
  epochSignature: 16,
  /** Gated runs: calls of Math.random and of the clocks (Date.now, ctx.now) by scenario code, which make a schedule's path differ between runs. */
  randomCalls: 17,
  clockCalls: 18,
  /** Where the scenario's shared objects end (the arena's top after setup): the controller watches that much for change. */
  arenaEnd: 19,
  /** asyncio mode's executor: 0 none, 1 a pool of threads (which share the GIL with the loop), 2 a pool of processes. */
  executor: 20,
  /** Number of words in the header. */
  size: 21,
} as const;

/** Words of one worker's status block (see worker-status.ts). */
export const STATUS_WORDS = 6;
/** Words of one worker's turn slot, a cache line: the worker and the controller hand turns through it. */
export const TURN_STRIDE = 16;
/** Each worker's trace head sits on its own 64-byte cache line, so workers never contend for one. */
export const TRACE_HEAD_STRIDE = 16;
/** Words of one trace event: a float64 time, then kind and object, then a value. */
export const EVENT_WORDS = 4;

export const DEFAULT_TRACE_CAPACITY = 8192;
export const DEFAULT_ARENA_BYTES = 1 << 20;

export interface Layout {
  readonly statusStart: number;
  readonly turnStart: number;
  readonly traceHeadStart: number;
  readonly traceStart: number;
  readonly traceCapacity: number;
  readonly arenaStart: number;
}

export function layoutFor(traceCapacity: number): Layout {
  const statusStart = Header.size;
  // Each turn slot and trace head is a cache line of its own only if the region starts on one (16 words).
  const turnStart = align(statusStart + MAX_WORKERS * STATUS_WORDS, TURN_STRIDE);
  const traceHeadStart = turnStart + MAX_WORKERS * TURN_STRIDE;
  // Trace events hold float64s: their region starts on an 8-byte boundary.
  const traceStart = align(traceHeadStart + MAX_WORKERS * TRACE_HEAD_STRIDE, 2);
  const arenaStart = traceStart + MAX_WORKERS * traceCapacity * EVENT_WORDS;
  return { statusStart, turnStart, traceHeadStart, traceStart, traceCapacity, arenaStart };
}

export function layoutOf(words: Int32Array): Layout {
  return layoutFor(Atomics.load(words, Header.traceCapacity));
}

export interface MemoryOptions {
  readonly traceCapacity?: number;
  readonly arenaBytes?: number;
}

export function createRunMemory({ traceCapacity = DEFAULT_TRACE_CAPACITY, arenaBytes = DEFAULT_ARENA_BYTES }: MemoryOptions = {}): SharedArrayBuffer {
  const layout = layoutFor(traceCapacity);
  const buffer = new SharedArrayBuffer(layout.arenaStart * 4 + arenaBytes);
  new Int32Array(buffer)[Header.traceCapacity] = traceCapacity;
  return buffer;
}

function align(index: number, words: number): number {
  return Math.ceil(index / words) * words;
}

/** A named object living at `index` in the arena, for diagnostics. */
export interface Allocation {
  readonly name: string;
  readonly kind: string;
  readonly index: number;
  readonly words: number;
}

export class MemoryExhaustedError extends Error {
  override name = "MemoryExhaustedError";
}

/** One worker's view of the run memory and its private allocation cursor. */
export class Arena {
  readonly words: Int32Array;
  readonly layout: Layout;
  readonly allocations: Allocation[] = [];
  private top: number;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.words = new Int32Array(buffer);
    this.layout = layoutOf(this.words);
    this.top = this.layout.arenaStart;
  }

  /** The word index after the last object allocated. */
  get end(): number {
    return this.top;
  }

  allocate(kind: string, name: string, words: number): number {
    if (this.top + words > this.words.length) {
      const values = { kind, name, words: this.words.length - this.layout.arenaStart };
      throw new MemoryExhaustedError(runtimeMessage("memory.arenaFull", values));
    }
    const index = this.top;
    this.top += words;
    this.allocations.push({ name, kind, index, words });
    return index;
  }
}
