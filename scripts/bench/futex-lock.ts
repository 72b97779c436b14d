/**
 * The hand-written futex mutex of the baselines: the smallest correct lock
 * over Atomics, so a baseline that needs a lock (the mutex, RLock, Condition
 * and Queue figures, the free-run loop) costs what such a lock must cost and
 * no more.
 *
 * Drepper, "Futexes Are Tricky", mutex 3: 0 unlocked, 1 locked, 2 locked
 * with waiters.
 */

export function lock(w: Int32Array, i: number): void {
  let c = Atomics.compareExchange(w, i, 0, 1);
  if (c === 0) return;
  if (c !== 2) c = Atomics.exchange(w, i, 2);
  while (c !== 0) {
    Atomics.wait(w, i, 2);
    c = Atomics.exchange(w, i, 2);
  }
}

export function unlock(w: Int32Array, i: number): void {
  if (Atomics.sub(w, i, 1) !== 1) {
    Atomics.store(w, i, 0);
    Atomics.notify(w, i, 1);
  }
}
