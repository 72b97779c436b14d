/**
 * Errors that scenario code can cause by misusing the runtime. Each names the
 * object involved; the runner adds the worker and the line.
 */
import { runtimeMessage } from "./messages/message";
export class ScenarioUsageError extends Error {
  override name = "ScenarioUsageError";
}

/** Validates a timeout argument in seconds (Python's convention). */
export function checkTimeout(owner: string, timeout: number | undefined): void {
  if (timeout === undefined) return;
  if (typeof timeout !== "number" || Number.isNaN(timeout) || timeout < 0) {
    throw new ScenarioUsageError(runtimeMessage("timeout.notSeconds", { owner, got: String(timeout) }));
  }
}

/**
 * Python's `threading.BrokenBarrierError`: raised by `Barrier.wait` when the
 * barrier is broken (aborted, reset, timed out, or its action threw) while
 * the worker waits or as it arrives. Not a misuse: scenarios may catch it.
 */
export class BrokenBarrierError extends Error {
  override name = "BrokenBarrierError";
}

/** Python's `queue.Full`: `put` found the queue full and could not wait (nowait, or its timeout passed). */
export class Full extends Error {
  override name = "Full";
}

/** Python's `queue.Empty`: `get` found the queue empty and could not wait (nowait, or its timeout passed). */
export class Empty extends Error {
  override name = "Empty";
}
