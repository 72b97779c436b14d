/**
 * A semaphore of one permit guarding a plain word: acquire / increment /
 * release, with the runtime's Semaphore or with a minimal futex semaphore
 * (a value taken by compare-exchange while positive, a waiter count, and
 * wait/notify on the value, as glibc's sem_wait and sem_post). One permit
 * makes every acquire contend and lets the counter catch a semaphore that
 * hands out a permit twice. Both put the counter, then the value and waiter
 * count, at the same word indices, so they share cache lines the same way.
 */
import { Arena, layoutOf } from "../../app/runtime/memory";
import { Semaphore } from "../../app/runtime/sync/semaphore";
import { freeRunThread } from "./runtime-thread";
import { serve } from "./worker-kit";

const PERMITS = 1;

serve({
  runtime: ({ buffer, workerId, iterations }) => {
    const arena = new Arena(buffer);
    const counter = arena.allocate("int", "counter", 1);
    const semaphore = Semaphore.allocate(arena, "s", freeRunThread(arena, workerId), workerId === 0, PERMITS);
    const w = arena.words;
    return () => {
      for (let i = 0; i < iterations; i++) {
        semaphore.acquire();
        w[counter]!++;
        semaphore.release();
      }
      return Atomics.load(w, counter);
    };
  },
  baseline: ({ buffer, workerId, iterations }) => {
    const w = new Int32Array(buffer);
    const counter = layoutOf(w).arenaStart;
    const value = counter + 1;
    const waiters = counter + 2;
    if (workerId === 0) Atomics.store(w, value, PERMITS);
    const tryTake = (): boolean => {
      let v = Atomics.load(w, value);
      while (v > 0) {
        const seen = Atomics.compareExchange(w, value, v, v - 1);
        if (seen === v) return true;
        v = seen;
      }
      return false;
    };
    const acquire = (): void => {
      while (!tryTake()) {
        // Counted before the sleep checks the value, so a release that raised it after our check sees us.
        Atomics.add(w, waiters, 1);
        Atomics.wait(w, value, 0);
        Atomics.sub(w, waiters, 1);
      }
    };
    const release = (): void => {
      Atomics.add(w, value, 1);
      if (Atomics.load(w, waiters) > 0) Atomics.notify(w, value, 1);
    };
    return () => {
      for (let i = 0; i < iterations; i++) {
        acquire();
        w[counter]!++;
        release();
      }
      return Atomics.load(w, counter);
    };
  },
});
