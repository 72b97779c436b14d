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
