/**
 * Lock / increment a plain word / unlock, either with the runtime's Mutex or
 * with a minimal hand-written futex mutex. Both keep the lock word and the
 * counter at the same word indices, so they share cache lines the same way.
 */
import { Arena, layoutOf } from "../../app/runtime/memory";
import { MUTEX_WORDS, Mutex } from "../../app/runtime/sync/mutex";
import { lock, unlock } from "./futex-lock";
import { freeRunThread } from "./runtime-thread";
import { serve } from "./worker-kit";

serve({
  runtime: ({ buffer, workerId, iterations }) => {
    const arena = new Arena(buffer);
    const mutex = Mutex.allocate(arena, "m", freeRunThread(arena, workerId));
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
