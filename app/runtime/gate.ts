/**
 * Scheduling points. Every shared read or write and every lock call passes
 * through `schedulingPoint`, so that a later step mode can park a worker
 * before the operation and let a controller pick who moves next (DESIGN.md,
 * "Step and explore"). In a free run the point is one load and a branch.
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
