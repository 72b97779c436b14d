/**
 * Simulated work that is real: CPU work sorts (cpu-kernel.ts) in chunks,
 * checking the GIL's drop request between chunks (CPython's eval breaker);
 * I/O really blocks the worker for its duration and releases the GIL
 * meanwhile, as a blocking read or `time.sleep` does in CPython.
 */
import { CHUNK_ELEMENTS, rewind, sortChunk } from "./cpu-kernel";
import { ScenarioUsageError } from "./errors";
import { PointKind } from "./gate";
import { Header } from "./memory";
import type { Thread } from "./thread";
import { EventKind } from "./trace";
import { WorkerState } from "./worker-status";
import { runtimeMessage } from "./messages/message";

/** Calibration windows: short ones, so that a preemption by another process spoils few of them. */
const CALIBRATION_WINDOWS = 9;
const WINDOW_MS = 1;
/** Chunks between two readings of the clock, whose cost (in a browser, several percent of a chunk) is no part of a unit. */
const CHUNKS_PER_READING = 8;
/**
 * A figure this recent is still this core's speed: the runs Explore prepares
 * one after another (a schedule each, or a search each) measure it once a
 * second, not 9 ms of every run.
 */
const CALIBRATION_REUSE_MS = 1000;
let calibrated: { readonly at: number; readonly iterations: number } | null = null;

/** A core's first sorts after other work run up to twice as slow (cold caches and branch predictors). */
const WARM_UP_MS = 1;

/** Sorts for a moment before a run's start gate, so that a body's first chunks cost what the rest do. */
export function warmUpCpu(): void {
  const started = performance.now();
  while (performance.now() - started < WARM_UP_MS) sortChunk();
  rewind();
}

/**
 * Measures how many integers this core sorts in a millisecond (cpu-kernel.ts),
 * so that a CPU unit means about 1 ms of this machine's work. Done at the
 * start of each run (or reused, CALIBRATION_REUSE_MS) by the first worker,
 * before the start gate, and shared through the header, so that every
 * worker's unit is the same work. A window
 * in which the worker was preempted only looks slower: the fastest window is
 * the core's own speed, as in the Python references' best of three.
 */
export function calibrateCpuUnit(words: Int32Array): void {
  const now = performance.now();
  if (calibrated === null || now - calibrated.at > CALIBRATION_REUSE_MS) calibrated = { at: now, iterations: measureCpuUnit() };
  // A reused figure measured nothing now: the core still needs its warm-up, as calibrating gave it.
  else warmUpCpu();
  Atomics.store(words, Header.cpuUnitIterations, calibrated.iterations);
}

function measureCpuUnit(): number {
  let best = 0;
  for (let window = 0; window < CALIBRATION_WINDOWS; window++) {
    const started = performance.now();
    let sorted = 0;
    let elapsed = 0;
    do {
      for (let chunk = 0; chunk < CHUNKS_PER_READING; chunk++) sortChunk();
      sorted += CHUNKS_PER_READING * CHUNK_ELEMENTS;
      elapsed = performance.now() - started;
    } while (elapsed < WINDOW_MS);
    best = Math.max(best, sorted / elapsed);
  }
  rewind();
  return Math.round(best);
}

/** Sorts `units` times the calibrated amount, in chunks, checking the GIL's drop request between them (CPython's eval breaker). */
export function cpuWork(thread: Thread, units: number): number {
  checkAmount("cpu", units);
  const chunks = Math.round((units * Atomics.load(thread.arena.words, Header.cpuUnitIterations)) / CHUNK_ELEMENTS);
  let checksum = 0;
  for (let chunk = 0; chunk < chunks; chunk++) {
    checksum ^= sortChunk();
    thread.gil.check();
  }
  return checksum;
}

const idle = new Int32Array(new SharedArrayBuffer(4));

export function ioWait(thread: Thread, ms: number): void {
  checkAmount("io", ms);
  if (thread.turnstile) return thread.turnstile.park(PointKind.Io, 0);
  const hadGil = thread.gil.isHeld;
  thread.gil.drop();
  thread.status.set(WorkerState.InIo);
  thread.trace.emit(EventKind.IoStart, 0, Math.round(ms));
  Atomics.wait(idle, 0, 0, ms);
  thread.trace.emit(EventKind.IoEnd, 0, Math.round(ms));
  thread.status.set(WorkerState.Running);
  if (hadGil) thread.gil.take();
}

function checkAmount(what: string, amount: number): void {
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0) {
    throw new ScenarioUsageError(runtimeMessage("work.amount", { call: `${what}(${String(amount)})` }));
  }
}
