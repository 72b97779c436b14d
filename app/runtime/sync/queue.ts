/**
 * Queue: Python's `queue.Queue`, a bounded first-in, first-out queue of
 * numbers and small messages in fixed-size slots of the run memory (layout
 * and encoding: queue-layout.ts). BaseQueue holds what it shares with
 * LifoQueue and PriorityQueue (their own files).
 *
 * Algorithm: the classic bounded buffer as Python's Lib/queue.py writes it:
 * one mutex and three conditions (not empty, not full, all tasks done), here
 * a private futex lock word and three sequence conditions (futex.ts). The
 * orders differ only in which slot `put` fills and `get` empties (`push` and
 * `pop`, Python's `_put` and `_get`): here a ring over the slots.
 *
 * Python's `maxsize=0` means unbounded; here the slots bound every queue, so
 * maxsize must be at least 1.
 */
import type { Arena } from "../memory";
import type { Thread } from "../thread";
import { PointKind, schedulingPoint } from "../gate";
import { Empty, Full, ScenarioUsageError, checkTimeout } from "../errors";
import { runtimeMessage } from "../messages/message";
import { lock, notifySequence, unlock, waitSequence } from "./futex";
import { deadlineOf, msLeft } from "./wait-clock";
import { queueTimeout, type QueueWaitOptions } from "./wait-options";
import { ALL_DONE, COUNT, HEAD, LOCK, NOT_EMPTY, NOT_FULL, SlotCodec, UNFINISHED, placeQueue, type QueueOptions, type QueuePlace } from "./queue-layout";

/** What a queue carries besides numbers: plain data, sent as JSON (queue-layout.ts). */
export type Message = null | boolean | number | string | readonly Message[] | { readonly [key: string]: Message };
/**
 * A PriorityQueue item: a number, or a [priority, data] pair like Python's
 * tuples, compared as Python compares them: equal priorities by their data.
 */
export type PriorityItem<D = Message> = number | readonly [priority: number, data: D];

/** What Queue, LifoQueue and PriorityQueue share: all but the order of their items. */
export abstract class BaseQueue<T> {
  readonly index: number;
  /** The most items it holds. */
  readonly maxsize: number;
  protected readonly words: Int32Array;
  protected readonly codec: SlotCodec;
  private readonly label: string;

  /** @internal */
  constructor(
    arena: Arena,
    readonly name: string,
    private readonly thread: Thread,
    kind: string,
    place: QueuePlace,
  ) {
    this.words = arena.words;
    this.index = place.index;
    this.maxsize = place.maxsize;
    this.label = `${kind} "${name}"`;
    this.codec = new SlotCodec(arena.buffer, place.slots, place.slotBytes, `${this.label}.put`);
  }

  /**
   * Puts `item` in, blocking while the queue is full: `put(item)`,
   * `put(item, { timeout: 1 })` (at most that many seconds) or
   * `put(item, { block: false })` (not at all), Python's
   * `put(item, block=True, timeout=None)`. Throws Full when it gives up.
   */
  put(item: T, options?: QueueWaitOptions): void {
    this.putWithin(item, options === undefined ? undefined : queueTimeout(this.label, "put", options));
  }

  /**
   * Takes the next item, blocking while the queue is empty: `get()`,
   * `get({ timeout: 1 })` (at most that many seconds) or
   * `get({ block: false })` (not at all), Python's
   * `get(block=True, timeout=None)`. Throws Empty when it gives up.
   */
  get(options?: QueueWaitOptions): T {
    return this.getWithin(options === undefined ? undefined : queueTimeout(this.label, "get", options));
  }

  /** Puts without waiting: throws Full when the queue is full (Python's `put_nowait`). */
  putNowait(item: T): void {
    this.putWithin(item, 0);
  }

  /** Gets without waiting: throws Empty when the queue is empty (Python's `get_nowait`). */
  getNowait(): T {
    return this.getWithin(0);
  }

  /** `put`, waiting at most `timeout` seconds (checked), for ever when undefined. */
  private putWithin(item: T, timeout: number | undefined): void {
    const message = this.encode(item);
    schedulingPoint(PointKind.Put, this.index);
    const w = this.words;
    const at = this.index;
    lock(this.thread, at + LOCK, at);
    if (w[at + COUNT] === this.maxsize && !this.await(at + NOT_FULL, () => w[at + COUNT] === this.maxsize, timeout)) {
      throw new Full(runtimeMessage(timeout ? "queue.stayedFull" : "queue.full", { label: this.label, seconds: timeout, maxsize: this.maxsize }));
    }
    const count = w[at + COUNT]!;
    try {
      this.push(count, item, message);
    } catch (thrown) {
      this.leaveAfterError(at + NOT_FULL);
      throw thrown;
    }
    Atomics.store(w, at + COUNT, count + 1);
    w[at + UNFINISHED]!++;
    notifySequence(w, at + NOT_EMPTY, 1);
    unlock(w, at + LOCK);
  }

  /** `get`, waiting at most `timeout` seconds (checked), for ever when undefined. */
  private getWithin(timeout: number | undefined): T {
    schedulingPoint(PointKind.Get, this.index);
    const w = this.words;
    const at = this.index;
    lock(this.thread, at + LOCK, at);
    if (w[at + COUNT] === 0 && !this.await(at + NOT_EMPTY, () => w[at + COUNT] === 0, timeout)) {
      throw new Empty(runtimeMessage(timeout ? "queue.stayedEmpty" : "queue.empty", { label: this.label, seconds: timeout }));
    }
    const count = w[at + COUNT]!;
    let item: T;
    try {
      item = this.pop(count);
    } catch (thrown) {
      this.leaveAfterError(at + NOT_EMPTY);
      throw thrown;
    }
    Atomics.store(w, at + COUNT, count - 1);
    notifySequence(w, at + NOT_FULL, 1);
    unlock(w, at + LOCK);
    return item;
  }

  /** Marks one item taken by `get` as processed; `join` waits until every item put is. */
  taskDone(): void {
    schedulingPoint(PointKind.TaskDone, this.index);
    const w = this.words;
    const at = this.index;
    lock(this.thread, at + LOCK, at);
    const left = w[at + UNFINISHED]! - 1;
    if (left < 0) {
      unlock(w, at + LOCK);
      throw new ScenarioUsageError(runtimeMessage("queue.taskDone", { label: this.label }));
    }
    w[at + UNFINISHED] = left;
    if (left === 0) notifySequence(w, at + ALL_DONE);
    unlock(w, at + LOCK);
  }

  /**
   * Blocks until every item put has been marked done; true then. Python's
   * `Queue.join()` takes no timeout: `join()` is Python's join, and
   * `join(timeout)`, at most `timeout` seconds and false when they pass, is
   * this model's addition, with no Python counterpart.
   */
  join(timeout?: number): boolean {
    if (timeout !== undefined) checkTimeout(`${this.label}.join`, timeout);
    schedulingPoint(PointKind.Join, this.index);
    const w = this.words;
    const at = this.index;
    lock(this.thread, at + LOCK, at);
    // On timeout `await` has released the lock already.
    if (w[at + UNFINISHED] !== 0 && !this.await(at + ALL_DONE, () => w[at + UNFINISHED] !== 0, timeout)) return false;
    unlock(w, at + LOCK);
    return true;
  }

  /** Items in the queue now; another worker may change it at once (as in Python). */
  qsize(): number {
    schedulingPoint(PointKind.Query, this.index);
    return this.count();
  }

  empty(): boolean {
    schedulingPoint(PointKind.Query, this.index);
    return this.count() === 0;
  }

  full(): boolean {
    schedulingPoint(PointKind.Query, this.index);
    return this.count() === this.maxsize;
  }

  /** The item count, without a scheduling point: each query above is one. */
  private count(): number {
    return Atomics.load(this.words, this.index + COUNT);
  }

  /** Checks and encodes an item before any lock is taken: null for a number. */
  protected encode(item: T): Uint8Array | null {
    return typeof item === "number" ? null : this.codec.encode(item);
  }

  /** Python's `_put`: stores the item; `count` items are in the queue. */
  protected abstract push(count: number, item: T, message: Uint8Array | null): void;

  /** Python's `_get`: removes and returns the next item; `count` items are in the queue. */
  protected abstract pop(count: number): T;

  protected read(slot: number): unknown {
    return this.codec.isNumber(slot) ? this.codec.number(slot) : this.codec.message(slot);
  }

  /**
   * Releases the lock after `push` or `pop` threw (a PriorityQueue's items
   * that Python could not compare), the queue unchanged. The wake-up that
   * brought this worker here, if one did, goes on to the next waiter on
   * `condition`, which the unchanged queue lets through as it did this one.
   */
  private leaveAfterError(condition: number): void {
    notifySequence(this.words, condition, 1);
    unlock(this.words, this.index + LOCK);
  }

  /**
   * Sleeps on the sequence condition at `sequence` while `blocked()`, until
   * the deadline; holds the lock before and after. On timeout it releases
   * the lock and returns false, for the caller to throw or report.
   */
  private await(sequence: number, blocked: () => boolean, timeout: number | undefined): boolean {
    const deadline = deadlineOf(timeout);
    do {
      if (msLeft(deadline) <= 0) {
        unlock(this.words, this.index + LOCK);
        return false;
      }
      waitSequence(this.thread, this.index + LOCK, sequence, this.index, deadline);
    } while (blocked());
    return true;
  }
}

/** Python's `queue.Queue`: first in, first out, over a ring of slots. */
export class Queue<T = Message> extends BaseQueue<T> {
  /** @internal */
  static allocate<T>(arena: Arena, name: string, thread: Thread, init: boolean, options: QueueOptions): Queue<T> {
    return new Queue<T>(arena, name, thread, "Queue", placeQueue(arena, "Queue", name, init, options, false));
  }

  protected override push(count: number, item: T, message: Uint8Array | null): void {
    const slot = (this.words[this.index + HEAD]! + count) % this.maxsize;
    this.codec.write(slot, message === null ? (item as number) : 0, message);
  }

  protected override pop(): T {
    const w = this.words;
    const slot = w[this.index + HEAD]!;
    w[this.index + HEAD] = (slot + 1) % this.maxsize;
    return this.read(slot) as T;
  }
}
