/**
 * Futex building blocks for the primitives in this folder: a lock word, a
 * sequence condition and deadlines. Each is a few words of the run memory;
 * the primitive that owns them passes its own word index as `object`, so a
 * worker blocked here is recorded (status and trace) as waiting on that
 * primitive, never on an anonymous word.
 *
 * Lock word: the three-state futex mutex of Ulrich Drepper, "Futexes Are
 * Tricky" (2011), mutex 3: 0 unlocked, 1 locked, 2 locked and maybe waited
 * on. Lock (mutex.ts) and RLock are built on it; Barrier and Queue guard
 * their private state with one that scenario code never sees, so taking that
 * one is no scheduling point and writes no Acquire/Release event.
 *
 * Sequence condition (two words: +0 sequence, +1 sleepers): the condition
 * variable of the SpiderMonkey team's js-lock-and-condition (Cond). A waiter,
 * holding the lock word, reads the sequence, releases the lock and sleeps
 * while the sequence still holds what it read; a notifier, holding the lock,
 * bumps the sequence and wakes sleepers. A notify between the read and the
 * sleep changes the sequence, so that sleep returns at once: no wake-up is
 * lost. It may wake more waiters than asked (those between read and sleep),
 * so every waiter re-checks its predicate under the lock. The sleepers count,
 * changed only under the lock, spares a notify when nobody waits.
 *
 * Blocking calls must not run on the page's main thread, where
 * Atomics.wait throws: scenario code only ever runs in workers.
 */
import { msLeft } from "./wait-clock";
import { briefly, type Thread } from "../thread";

const UNLOCKED = 0;
const LOCKED = 1;
export const CONTENDED = 2;

/** Offset of a sequence condition's sleepers count from its sequence word. */
const SLEEPERS = 1;

/** Takes the lock word at `at` if it is free: one compare-exchange. */
export function tryLock(words: Int32Array, at: number): boolean {
  return Atomics.compareExchange(words, at, UNLOCKED, LOCKED) === UNLOCKED;
}

/** The slow path after `tryLock` failed: true once taken, false if the deadline passes first. */
export function lockContended(thread: Thread, at: number, object: number, deadline: number): boolean {
  const words = thread.arena.words;
  while (Atomics.exchange(words, at, CONTENDED) !== UNLOCKED) {
    const left = msLeft(deadline);
    if (left <= 0) return false;
    thread.block(at, CONTENDED, left, object);
  }
  return true;
}

/** Takes a primitive's private lock: held only inside its methods, so a wait for it is brief (thread.ts, `briefly`). */
export function lock(thread: Thread, at: number, object: number): void {
  if (!tryLock(thread.arena.words, at)) briefly(() => lockContended(thread, at, object, Infinity));
}

/**
 * The uncontended half of a release: one compare-exchange. Returns the state
 * the word held; CONTENDED means a waiter may sleep, and the caller must
 * `handOver`.
 */
export function tryUnlock(words: Int32Array, at: number): number {
  return Atomics.compareExchange(words, at, LOCKED, UNLOCKED);
}

/** The contended half of a release: unlock and wake one sleeper. Returns how many woke (0 or 1). */
export function handOver(words: Int32Array, at: number): number {
  Atomics.store(words, at, UNLOCKED);
  return Atomics.notify(words, at, 1);
}

/** Releases a lock word that the caller holds. */
export function unlock(words: Int32Array, at: number): void {
  if (tryUnlock(words, at) === CONTENDED) handOver(words, at);
}

/**
 * Sleeps on the sequence condition at `sequence` until notified or the
 * deadline passes, releasing the lock word `at` meanwhile and taking it again
 * before returning. The caller holds the lock and re-checks its predicate.
 * Returns false when the wait timed out.
 */
export function waitSequence(thread: Thread, at: number, sequence: number, object: number, deadline: number): boolean {
  const words = thread.arena.words;
  const seen = Atomics.load(words, sequence);
  words[sequence + SLEEPERS]!++;
  unlock(words, at);
  const outcome = thread.block(sequence, seen, msLeft(deadline), object);
  lock(thread, at, object);
  words[sequence + SLEEPERS]!--;
  return outcome !== "timed-out";
}

/** Wakes up to `count` waiters of the sequence condition; the caller holds its lock word. */
export function notifySequence(words: Int32Array, sequence: number, count = Infinity): void {
  if (words[sequence + SLEEPERS] === 0) return;
  Atomics.add(words, sequence, 1);
  Atomics.notify(words, sequence, count);
}
