/**
 * Who holds a shared object, read from the page: the watchdog needs it to
 * follow a wait-for graph (worker -> object -> holder -> ...). Each kind's
 * layout is owned by its primitive in runtime/sync; objects that nobody
 * "holds" (events, conditions, queues, barriers) have no holders.
 */
import type { Allocation } from "../runtime/memory";
import { mutexHolder } from "../runtime/sync/mutex";
import { rlockHolder } from "../runtime/sync/rlock";
import { semaphoreHolders } from "../runtime/sync/semaphore";

type HoldersReader = (words: Int32Array, index: number) => number[];

const one = (holder: number): number[] => (holder < 0 ? [] : [holder]);

const READERS: Readonly<Record<string, HoldersReader>> = {
  lock: (words, index) => one(mutexHolder(words, index)),
  rlock: (words, index) => one(rlockHolder(words, index)),
  semaphore: semaphoreHolders,
  "bounded-semaphore": semaphoreHolders,
};

export function holdersOf(words: Int32Array, object: Allocation): number[] {
  return READERS[object.kind]?.(words, object.index) ?? [];
}
