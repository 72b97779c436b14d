/**
 * Reads a run's shared objects straight from its memory, from the page,
 * without asking the workers: cheap enough to call every animation frame
 * while the run goes on (a comlink call per frame would not be).
 */
import type { Allocation } from "../runtime/memory";
import { workerName } from "../runtime/protocol";
import { barrierWaiting } from "../runtime/sync/barrier";
import { eventIsSet } from "../runtime/sync/event";
import { COUNT as QUEUE_COUNT } from "../runtime/sync/queue-layout";
import { semaphoreValue } from "../runtime/sync/semaphore";
import { arrayValues } from "../runtime/shared-array";
import { holdersOf } from "./holders";
import { engineMessage } from "./messages/message";

export interface SharedValue {
  readonly name: string;
  readonly kind: string;
  /** A number for integers and semaphores; words for the rest (who holds a lock, how full a queue is, an array's elements). */
  readonly value: number | string;
}

type Reader = (words: Int32Array, object: Allocation) => number | string;

const held: Reader = (words, object) => {
  const holders = holdersOf(words, object);
  return holders.length === 0 ? engineMessage("sharedValues.free") : engineMessage("sharedValues.heldBy", { workers: holders.map(workerName).join(", ") });
};
const queued: Reader = (words, { index }) => engineMessage("sharedValues.queued", { count: Atomics.load(words, index + QUEUE_COUNT) });

/** Elements shown of a long array; the panel says how many more there are. */
const ELEMENTS_SHOWN = 16;
const elements: Reader = (words, { index }) => {
  const values = arrayValues(words, index);
  const more = values.length - ELEMENTS_SHOWN;
  const shown = values.slice(0, ELEMENTS_SHOWN).join(", ");
  return `[${more > 0 ? engineMessage("sharedValues.elementsAndMore", { shown, more }) : shown}]`;
};

const READERS: Readonly<Record<string, Reader>> = {
  int: (words, { index }) => Atomics.load(words, index),
  array: elements,
  lock: held,
  rlock: held,
  semaphore: (words, { index }) => semaphoreValue(words, index),
  "bounded-semaphore": (words, { index }) => semaphoreValue(words, index),
  event: (words, { index }) => engineMessage(eventIsSet(words, index) ? "sharedValues.set" : "sharedValues.clear"),
  barrier: (words, { index }) => engineMessage("sharedValues.waiting", { count: barrierWaiting(words, index) }),
  queue: queued,
  "lifo-queue": queued,
  "priority-queue": queued,
  series: (words, { index }) => engineMessage("sharedValues.recorded", { count: Atomics.load(words, index) }),
};

export function readSharedValues(memory: SharedArrayBuffer, objects: readonly Allocation[]): SharedValue[] {
  const words = new Int32Array(memory);
  return objects.map((object) => ({
    name: object.name,
    kind: object.kind,
    value: READERS[object.kind]?.(words, object) ?? "",
  }));
}
