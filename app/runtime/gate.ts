/**
 * Scheduling points. Every public operation of a shared object that reads or
 * writes shared state, queries included, passes through `schedulingPoint`
 * before it touches that state, so that step mode and explore can park a
 * worker there and let a controller pick who moves next (DESIGN.md, "Step
 * and explore"). A read that was no point would be folded into the step
 * before it, and explore would miss the interleavings that split them.
 * scheduling-points.test.ts calls every method of every object `Shared`
 * creates to hold to this. A primitive's own internal reads use the raw
 * readers (`mutexHolder`...), so that one call is one point. In a free run
 * the point is one load and a branch.
 */

export const PointKind = {
  Read: 1,
  Write: 2,
  Add: 3,
  Acquire: 4,
  Release: 5,
  /** Waiting on an Event, a Condition or a Barrier. */
  Wait: 6,
  /** A Condition's notify or notifyAll. */
  Notify: 7,
  /** An Event's set and clear. */
  Set: 8,
  Clear: 9,
  /** A queue's put and get (the nowait forms too), taskDone and join. */
  Put: 10,
  Get: 11,
  TaskDone: 12,
  Join: 13,
  /** A Barrier's abort and reset. */
  Abort: 14,
  Reset: 15,
  /** `ctx.io`: in a gated run a point, not a wait (time does not pass between steps). */
  Io: 16,
  /** A look at an object's state that changes nothing: `locked()`, `holder()`, `isSet()`, `qsize()`, `nWaiting`... */
  Query: 17,
  /** A Series's record. */
  Record: 18,
  /** Read-modify-writes in one step, of a SharedInt or a SharedArray element. */
  CompareAndSet: 19,
  Exchange: 20,
} as const;
export type PointKind = (typeof PointKind)[keyof typeof PointKind];

/** Called before the operation, with the operation and its object's word index. */
export type PointHook = (kind: PointKind, index: number) => void;

let hook: PointHook | null = null;

export function schedulingPoint(kind: PointKind, index: number): void {
  if (hook !== null) hook(kind, index);
}

/** Install (or with null, remove) the hook for this worker. */
export function setPointHook(next: PointHook | null): void {
  hook = next;
}
