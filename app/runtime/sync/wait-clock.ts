/**
 * The clock that timed waits (`acquire({ timeout })`, `wait(timeout)`, ...)
 * are measured by. In a free run it is real time. In a gated run (step mode,
 * explore) no time passes between steps that the schedule could see: a
 * timed wait ends by its timeout only when the controller chooses so
 * (turnstile.ts, Verdict.TimedOut), never because the real clock ran on
 * while the worker was parked. Otherwise a schedule would not replay.
 *
 * Each worker has its own copy of this module, as of all the runtime.
 */

/** Time left of a gated wait that has not been timed out: finite, so the wait counts as timed. */
const GATED_LEFT_MS = 1e9;

let gated = false;
/** The controller timed out this worker's current wait. */
let timedOut = false;

/** Set when a run is prepared: whether its timeouts are the controller's. */
export function useGatedClock(on: boolean): void {
  gated = on;
  timedOut = false;
}

/** Told by the turnstile: the controller ended the current wait by its timeout. */
export function timeOutCurrentWait(): void {
  timedOut = true;
}

/**
 * The deadline of a wait of `timeout` seconds, starting now; Infinity
 * without one. A timed wait starts afresh: an earlier timeout no longer
 * counts (an untimed lock taken inside a timed wait leaves it be).
 */
export function deadlineOf(timeout: number | undefined): number {
  if (timeout === undefined) return Infinity;
  timedOut = false;
  // No wait at all (`blocking: false`, a timeout of 0): Python tries once and returns, in a gated run too.
  if (timeout <= 0) return NO_WAIT;
  return gated ? GATED_LEFT_MS : performance.now() + timeout * 1000;
}

const NO_WAIT = -Infinity;

/** Milliseconds left before `deadline`; 0 or less once it has passed. */
export function msLeft(deadline: number): number {
  if (deadline === Infinity) return Infinity;
  if (deadline === NO_WAIT) return 0;
  if (!gated) return deadline - performance.now();
  return timedOut ? 0 : GATED_LEFT_MS;
}
