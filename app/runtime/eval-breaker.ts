/**
 * CPython's "eval breaker": the points at which a thread holding the GIL
 * looks whether another thread asked for it. Since CPython 3.10 the
 * interpreter looks only on entering a function and on a loop's backward
 * jump (and around calls into C), never between the bytecodes of one
 * statement: `counter += 1` on an int reads and writes with no look between,
 * so no other thread can run in between (Python/ceval.c, CHECK_EVAL_BREAKER;
 * Python/bytecodes.c in 3.12+, RESUME and JUMP_BACKWARD).
 *
 * Scenario code gets those points from `insertEvalBreakers` (the loop
 * bodies and function entries of the scenario's own code); the runtime's
 * calls that Python makes as calls (a lock's acquire, a queue's get, even
 * `locked()`) are points by their kind (`breaksEval`). A shared int's or
 * array's get, set and read-modify-writes model a Python variable's load and
 * store, not a call, so they are not.
 */
import { PointKind } from "./gate";

let onBreak: (() => void) | null = null;

/** What instrumented scenario code calls at its loop bodies and function entries. */
export function evalBreaker(): void {
  if (onBreak !== null) onBreak();
}

/** Install (or with null, remove) what the eval breaker does on this worker. */
export function setEvalBreaker(next: (() => void) | null): void {
  onBreak = next;
}

/** Operations that are variable loads and stores in Python's terms: no eval breaker. */
const NOT_CALLS: ReadonlySet<number> = new Set([
  PointKind.Read,
  PointKind.Write,
  PointKind.Add,
  PointKind.CompareAndSet,
  PointKind.Exchange,
]);

/** Whether CPython would look at its eval breaker before the operation `kind`: every runtime call but a variable's load or store. */
export function breaksEval(kind: PointKind): boolean {
  return !NOT_CALLS.has(kind);
}
