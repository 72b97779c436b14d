/**
 * Condition: Python's `threading.Condition`, a condition variable bound to a
 * lock (a Lock or an RLock; a new RLock when none is given, as in Python).
 *
 * Algorithm: Python's own (Lib/threading.py): a FIFO of waiters, each
 * sleeping on its own "waiter lock", which `notify` releases for the oldest
 * `n`. Here a worker's waiter lock is its slot word, holding the ticket of
 * its current wait (0 when not waiting); the tickets give the FIFO order. A
 * waiter writes its ticket while holding the lock, then releases the lock and
 * sleeps while its slot still holds the ticket; a notifier, holding the lock,
 * zeroes the oldest slots and wakes them. No wake-up is lost: a notify after
 * the waiter released the lock finds its slot. `notify(n)` wakes exactly the
 * `n` oldest waiters, never more. Unlike Python, a waiter whose timeout fires
 * while a notify picks it returns true: that notify is not lost either.
 *
 * Layout (word offsets from `index`):
 *   +0 tickets: the last ticket given out (wraps, skipping 0)
 *   +1 slots: MAX_WORKERS words, each worker's waiter lock
 * A worker's slot changes only under the lock, and the notifier wakes it
 * before releasing the lock, so no stale wake can reach a later wait.
 *
 * Every method except `acquire` and `hold` requires the caller to hold the
 * condition's lock; calling one without it is an error (Python's
 * RuntimeError).
 */
import { MAX_WORKERS, type Arena } from "../memory";
import type { Thread } from "../thread";
import { PointKind, schedulingPoint } from "../gate";
import { ScenarioUsageError, checkTimeout } from "../errors";
import { runtimeMessage } from "../messages/message";
import { workerName } from "../protocol";
import { Mutex, mutexHolder, type Held } from "./mutex";
import { RLock } from "./rlock";
import { deadlineOf, msLeft } from "./wait-clock";
import type { AcquireOptions } from "./wait-options";

const TICKETS = 0;
const SLOTS = 1;
const WORDS = SLOTS + MAX_WORKERS;

export class Condition {
  private readonly words: Int32Array;
  private readonly slot: number;

  /** @internal */
  constructor(
    arena: Arena,
    readonly name: string,
    readonly index: number,
    private readonly thread: Thread,
    private readonly lock: Mutex | RLock,
  ) {
    this.words = arena.words;
    this.slot = index + SLOTS + thread.id;
  }

  /** @internal */
  static allocate(arena: Arena, name: string, thread: Thread, lock?: Mutex | RLock): Condition {
    if (lock !== undefined && !(lock instanceof Mutex) && !(lock instanceof RLock)) {
      throw new ScenarioUsageError(runtimeMessage("condition.lockKind", { name, got: String(lock) }));
    }
    const index = arena.allocate("condition", name, WORDS);
    return new Condition(arena, name, index, thread, lock ?? RLock.allocate(arena, `${name}.lock`, thread));
  }

  /** Acquires the underlying lock, with its options (see Lock.acquire and RLock.acquire). */
  acquire(options?: AcquireOptions): boolean {
    return this.lock.acquire(options);
  }

  release(): void {
    this.lock.release();
  }

  /** Acquires the lock now and releases it when disposed: `using _ = cond.hold()`, Python's `with cond:`. */
  hold(): Held {
    return this.lock.hold();
  }

  /**
   * Releases the lock, sleeps until notified or `timeout` seconds pass, then
   * takes the lock back (at its depth, for an RLock). Returns false on
   * timeout, true otherwise.
   */
  wait(timeout?: number): boolean {
    if (timeout !== undefined) checkTimeout(`Condition "${this.name}".wait`, timeout);
    schedulingPoint(PointKind.Wait, this.index);
    this.mustHold("wait");
    return this.sleep(deadlineOf(timeout));
  }

  /**
   * Waits until `predicate()` is truthy, for at most `timeout` seconds in
   * all; returns its last value (Python's `wait_for`).
   */
  waitFor<T>(predicate: () => T, timeout?: number): T {
    if (timeout !== undefined) checkTimeout(`Condition "${this.name}".waitFor`, timeout);
    schedulingPoint(PointKind.Wait, this.index);
    this.mustHold("waitFor");
    const deadline = deadlineOf(timeout);
    let result = predicate();
    while (!result && msLeft(deadline) > 0) {
      this.sleep(deadline);
      result = predicate();
    }
    return result;
  }

  /** Wakes the `n` longest-waiting workers (fewer if fewer wait). */
  notify(n = 1): void {
    if (n !== 1 && !(Number.isInteger(n) && n >= 0)) {
      throw new ScenarioUsageError(runtimeMessage("condition.notifyCount", { name: this.name, got: String(n) }));
    }
    schedulingPoint(PointKind.Notify, this.index);
    this.mustHold("notify");
    const w = this.words;
    const slots = this.index + SLOTS;
    for (let woken = 0; woken < n; woken++) {
      let oldest = -1;
      let oldestTicket = 0;
      for (let worker = 0; worker < MAX_WORKERS; worker++) {
        const ticket = w[slots + worker]!;
        // Tickets wrap: compare by difference, as sequence numbers are compared.
        if (ticket !== 0 && (oldest < 0 || ((ticket - oldestTicket) | 0) < 0)) {
          oldest = worker;
          oldestTicket = ticket;
        }
      }
      if (oldest < 0) return;
      wake(w, slots + oldest);
    }
  }

  /** Wakes every waiting worker. */
  notifyAll(): void {
    schedulingPoint(PointKind.Notify, this.index);
    this.mustHold("notifyAll");
    const w = this.words;
    for (let at = this.index + SLOTS; at < this.index + SLOTS + MAX_WORKERS; at++) {
      if (w[at] !== 0) wake(w, at);
    }
  }

  private sleep(deadline: number): boolean {
    const w = this.words;
    const ticket = (w[this.index + TICKETS]! + 1) | 0 || 1;
    w[this.index + TICKETS] = ticket;
    Atomics.store(w, this.slot, ticket);
    const lock = this.lock;
    const depth = lock instanceof RLock ? lock.releaseSave() : (lock.release(), 1);
    const outcome = this.thread.awaitSignal(this.slot, ticket, msLeft(deadline), this.index);
    if (lock instanceof RLock) lock.acquireRestore(depth);
    else lock.acquire();
    // Timed out, unless a notify zeroed the slot between the timeout and taking the lock back.
    if (outcome === "timed-out" && w[this.slot] === ticket) {
      Atomics.store(w, this.slot, 0);
      return false;
    }
    return true;
  }

  private mustHold(operation: string): void {
    // The raw reader (an RLock's first words are a Lock's): the check is part of this call's one point.
    if (mutexHolder(this.words, this.lock.index) === this.thread.id) return;
    const values = { name: this.name, operation, worker: workerName(this.thread.id), lock: this.lock.name };
    throw new ScenarioUsageError(runtimeMessage("condition.notHeld", values));
  }
}

function wake(words: Int32Array, slot: number): void {
  Atomics.store(words, slot, 0);
  Atomics.notify(words, slot, 1);
}
