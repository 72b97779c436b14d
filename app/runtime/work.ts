/**
 * Simulated work that is real: CPU work computes, in chunks, checking the
 * GIL's drop request between chunks (CPython's eval breaker); I/O really
 * blocks the worker for its duration and releases the GIL meanwhile, as a
 * blocking read or `time.sleep` does in CPython.
 */
import { ScenarioUsageError } from "./errors";
import type { Thread } from "./thread";
import { EventKind } from "./trace";
import { WorkerState } from "./worker-status";

/** Iterations of integer mixing in one CPU unit: tens of microseconds on a current core. */
export const CPU_UNIT_ITERATIONS = 20_000;

export function cpuWork(thread: Thread, units: number): number {
  checkAmount("cpu", units);
  let x = (thread.id + 1) | 0;
  for (let unit = 0; unit < units; unit++) {
    for (let i = 0; i < CPU_UNIT_ITERATIONS; i++) {
      // xorshift32: cheap, and its result depends on every step, so nothing is optimised away.
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
    }
    thread.gil.check();
  }
  return x;
}

const idle = new Int32Array(new SharedArrayBuffer(4));

export function ioWait(thread: Thread, ms: number): void {
  checkAmount("io", ms);
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
