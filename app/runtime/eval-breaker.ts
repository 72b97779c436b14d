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
 *
 * In a gated run loops are also followed as they are entered and left, for
 * fair scheduling (engine/explore/spin-yields.ts): a worker that looks at
 * the same thing twice spins only if the loop around both looks came round
 * between them, not if it merely called a function or ran some other loop
 * to its end.
 */
import { PointKind } from "./gate";

let onBreak: (() => void) | null = null;

/** Where scenario code is among its loops: which run of the innermost loop it is in (0: none), and how many times that run's body has begun. */
export interface LoopPosition {
  loop: number;
  iteration: number;
}

const innermost: LoopPosition = { loop: 0, iteration: 0 };
/** Runs of loops begun on this worker: each run's number, never reused, so that a loop run again is not taken for the one before. */
let loopRuns = 0;
/**
 * The position outside each loop running now, outermost first, as pairs of
 * numbers: kept here rather than in objects, since a loop run in a tight
 * loop would make garbage for the collector to share the cores with.
 */
const outside: number[] = [];
let outsideEnd = 0;

/** This worker's place among the loops of scenario code, as of now. */
export const loopPosition: Readonly<LoopPosition> = innermost;

/**
 * What instrumented scenario code calls (insert-eval-breakers.ts). A
 * generator suspended inside a loop is not followed: its loop's iterations
 * count as its caller's. Scenario code hardly has one.
 */
export const breakers = {
  /** A function's entry; outside gated runs, which do not follow loops, a loop's iteration too. */
  point(): void {
    if (onBreak !== null) onBreak();
  },
  /** A loop's body begins: CPython's backward jump, and the innermost loop has come round once more. */
  iterate(): void {
    innermost.iteration++;
    if (onBreak !== null) onBreak();
  },
  /** A loop is entered, and is the innermost now; returns where the position outside it is kept, for the code to give back on leaving. */
  enterLoop(): number {
    const kept = outsideEnd;
    outside[kept] = innermost.loop;
    outside[kept + 1] = innermost.iteration;
    outsideEnd = kept + 2;
    innermost.loop = ++loopRuns;
    innermost.iteration = 0;
    return kept;
  },
  /** However the loop was left (its end, a break, a return, a throw): the code is back where it was before it. */
  leaveLoop(kept: number): void {
    innermost.loop = outside[kept]!;
    innermost.iteration = outside[kept + 1]!;
    outsideEnd = kept;
  },
};

export type Breakers = typeof breakers;

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
