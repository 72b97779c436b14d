/**
 * Two workers take turns under a condition variable: each holds the lock,
 * waits until the turn word names it, bumps a plain counter, passes the turn
 * and notifies. With the runtime's Condition over its Mutex, or with a
 * minimal futex condition variable under the baselines' futex mutex (a
 * sequence word: wait reads it, unlocks, sleeps while it holds what was
 * read, locks again; notify bumps it and wakes one sleeper). Each iteration
 * of a worker is one notify and, nearly always, one wait that sleeps, so the
 * figure is the cost of a hand-over through each. Only the lock and the
 * turns order the increments, so a wait that returns without the lock loses
 * counts.
 */
import { Arena, layoutOf } from "../../app/runtime/memory";
import { Mutex } from "../../app/runtime/sync/mutex";
import { Condition } from "../../app/runtime/sync/condition";
import { lock, unlock } from "./futex-lock";
import { freeRunThread } from "./runtime-thread";
import { serve } from "./worker-kit";

serve({
  runtime: ({ buffer, workerId, workers, iterations }) => {
    const arena = new Arena(buffer);
    const counter = arena.allocate("int", "counter", 1);
    const turn = arena.allocate("int", "turn", 1);
    const thread = freeRunThread(arena, workerId);
    const condition = Condition.allocate(arena, "c", thread, Mutex.allocate(arena, "m", thread));
    const w = arena.words;
    const next = (workerId + 1) % workers;
    return () => {
      condition.acquire();
      for (let i = 0; i < iterations; i++) {
        while (w[turn] !== workerId) condition.wait();
        w[counter]!++;
        w[turn] = next;
        condition.notify();
      }
      condition.release();
      return Atomics.load(w, counter);
    };
  },
  baseline: ({ buffer, workerId, workers, iterations }) => {
    const w = new Int32Array(buffer);
    const counter = layoutOf(w).arenaStart;
    const turn = counter + 1;
    const mutex = counter + 2;
    const sequence = counter + 3;
    const next = (workerId + 1) % workers;
    const wait = (): void => {
      // Read before unlocking: a notify after the unlock changes it, and the sleep returns at once.
      const seen = Atomics.load(w, sequence);
      unlock(w, mutex);
      Atomics.wait(w, sequence, seen);
      lock(w, mutex);
    };
    const notify = (): void => {
      Atomics.add(w, sequence, 1);
      Atomics.notify(w, sequence, 1);
    };
    return () => {
      lock(w, mutex);
      for (let i = 0; i < iterations; i++) {
        while (w[turn] !== workerId) wait();
        w[counter]!++;
        w[turn] = next;
        notify();
      }
      unlock(w, mutex);
      return Atomics.load(w, counter);
    };
  },
});
