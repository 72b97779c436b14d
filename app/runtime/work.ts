/**
 * Simulated work that is real: CPU work computes, in chunks, checking the
 * GIL's drop request between chunks (CPython's eval breaker); I/O really
 * blocks the worker for its duration and releases the GIL meanwhile, as a
 * blocking read or `time.sleep` does in CPython.
 */
import { ScenarioUsageError } from "./errors";
import { PointKind } from "./gate";
import { Header } from "./memory";
import type { Thread } from "./thread";
import { EventKind } from "./trace";
import { WorkerState } from "./worker-status";

/** The GIL is checked this often within CPU work: CPython's eval breaker runs about as often. */
const CHUNK_ITERATIONS = 2_000;
const WARM_UP_MS = 3;
const CALIBRATION_MS = 5;

/**
 * Measures how many iterations this core does in a millisecond, so a CPU unit
 * means about 1 ms of work on the student's machine. Done once per run, by the
 * first worker before the start gate, and shared through the header so that
 * every worker's unit is the same amount of work.
 */
export function calibrateCpuUnit(words: Int32Array): void {
  // Measured cold, the loop would look several times slower than it runs once compiled.
  const warm = performance.now();
  while (performance.now() - warm < WARM_UP_MS) mix(1, CHUNK_ITERATIONS);
  let iterations = 0;
  const started = performance.now();
  while (performance.now() - started < CALIBRATION_MS) {
    mix(1, CHUNK_ITERATIONS);
    iterations += CHUNK_ITERATIONS;
  }
  const perMs = (iterations / (performance.now() - started)) | 0;
  Atomics.store(words, Header.cpuUnitIterations, Math.max(CHUNK_ITERATIONS, perMs));
}

export function cpuWork(thread: Thread, units: number): number {
  checkAmount("cpu", units);
  const chunks = Math.round((units * Atomics.load(thread.arena.words, Header.cpuUnitIterations)) / CHUNK_ITERATIONS);
  let x = (thread.id + 1) | 0;
  for (let chunk = 0; chunk < chunks; chunk++) {
    x = mix(x, CHUNK_ITERATIONS);
    thread.gil.check();
  }
  return x;
}

/** xorshift32: cheap, and its result depends on every step, so nothing is optimised away. */
function mix(seed: number, iterations: number): number {
  let x = seed | 0;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  return x;
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
    throw new ScenarioUsageError(`${what}(${String(amount)}): give a finite number >= 0.`);
  }
}
