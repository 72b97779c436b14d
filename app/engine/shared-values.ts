/**
 * Reads a run's shared objects straight from its memory, from the page,
 * without asking the workers: cheap enough to call every animation frame
 * while the run goes on (a comlink call per frame would not be).
 */
import type { Allocation } from "../runtime/memory";
import { workerName } from "../runtime/protocol";

export interface SharedValue {
  readonly name: string;
  readonly kind: string;
  /** A number for integers; for locks, who holds it. */
  readonly value: number | string;
}

/** Where the lock layout keeps its holder (see runtime/sync/mutex.ts). */
const LOCK_STATE = 0;
const LOCK_OWNER = 1;

export function readSharedValues(memory: SharedArrayBuffer, objects: readonly Allocation[]): SharedValue[] {
  const words = new Int32Array(memory);
  return objects.map(({ name, kind, index }) => {
    if (kind === "lock") {
      const held = Atomics.load(words, index + LOCK_STATE) !== 0;
      const owner = Atomics.load(words, index + LOCK_OWNER) - 1;
      return { name, kind, value: !held ? "free" : owner >= 0 ? `held by ${workerName(owner)}` : "held" };
    }
    return { name, kind, value: Atomics.load(words, index) };
  });
}
