/**
 * Lock / increment a plain word / unlock, either with the runtime's Mutex or
 * with a minimal hand-written futex mutex. Both keep the lock word and the
 * counter at the same word indices, so they share cache lines the same way.
 */
import { Arena, layoutOf } from "../../app/runtime/memory";
import { Thread } from "../../app/runtime/thread";
import { MUTEX_WORDS, Mutex } from "../../app/runtime/sync/mutex";
import { serve } from "./worker-kit";

// Drepper, "Futexes Are Tricky", mutex 3: 0 unlocked, 1 locked, 2 locked with waiters.
function lock(w: Int32Array, i: number): void {
  let c = Atomics.compareExchange(w, i, 0, 1);
  if (c === 0) return;
  if (c !== 2) c = Atomics.exchange(w, i, 2);
  while (c !== 0) {
    Atomics.wait(w, i, 2);
    c = Atomics.exchange(w, i, 2);
  }
}

function unlock(w: Int32Array, i: number): void {
  if (Atomics.sub(w, i, 1) !== 1) {
    Atomics.store(w, i, 0);
    Atomics.notify(w, i, 1);
  }
}

serve({
  runtime: ({ buffer, workerId, iterations }) => {
    const arena = new Arena(buffer);
    const mutex = Mutex.allocate(arena, "m", new Thread(arena, workerId));
    const counter = arena.allocate("int", "counter", 1);
    const w = arena.words;
    return () => {
      for (let i = 0; i < iterations; i++) {
        mutex.acquire();
        w[counter]!++;
        mutex.release();
      }
      return Atomics.load(w, counter);
    };
  },
  futex: ({ buffer, iterations }) => {
    const w = new Int32Array(buffer);
    const state = layoutOf(w).arenaStart;
    const counter = state + MUTEX_WORDS;
    return () => {
      for (let i = 0; i < iterations; i++) {
        lock(w, state);
        w[counter]!++;
        unlock(w, state);
      }
      return Atomics.load(w, counter);
    };
  },
});
