/**
 * Reads a run's shared objects straight from its memory, from the page,
 * without asking the workers: cheap enough to call every animation frame
 * while the run goes on (a comlink call per frame would not be).
 */
import type { Allocation } from "../runtime/memory";
import { workerName } from "../runtime/protocol";
import { COUNT as QUEUE_COUNT } from "../runtime/sync/queue-layout";
import { holdersOf } from "./holders";

export interface SharedValue {
  readonly name: string;
  readonly kind: string;
  /** A number for integers and semaphores; words for the rest (who holds a lock, how full a queue is). */
  readonly value: number | string;
}

/** Word offsets of what is worth showing, per kind (the layouts are in runtime/sync). */
const SEMAPHORE_VALUE = 0;
const EVENT_FLAG = 0;
const BARRIER_WAITING = 4;

type Reader = (words: Int32Array, object: Allocation) => number | string;

const held: Reader = (words, object) => {
  const holders = holdersOf(words, object);
  return holders.length === 0 ? "free" : `held by ${holders.map(workerName).join(", ")}`;
};
const queued: Reader = (words, { index }) => `${Atomics.load(words, index + QUEUE_COUNT)} queued`;

const READERS: Readonly<Record<string, Reader>> = {
  int: (words, { index }) => Atomics.load(words, index),
  lock: held,
  rlock: held,
  semaphore: (words, { index }) => Atomics.load(words, index + SEMAPHORE_VALUE),
  "bounded-semaphore": (words, { index }) => Atomics.load(words, index + SEMAPHORE_VALUE),
  event: (words, { index }) => (Atomics.load(words, index + EVENT_FLAG) ? "set" : "clear"),
  barrier: (words, { index }) => `${Atomics.load(words, index + BARRIER_WAITING)} waiting`,
  queue: queued,
  "lifo-queue": queued,
  "priority-queue": queued,
};

export function readSharedValues(memory: SharedArrayBuffer, objects: readonly Allocation[]): SharedValue[] {
  const words = new Int32Array(memory);
  return objects.map((object) => ({
    name: object.name,
    kind: object.kind,
    value: READERS[object.kind]?.(words, object) ?? "",
  }));
}
