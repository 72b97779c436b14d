/**
 * Take a lock twice (reentrantly) / increment a plain word / release twice,
 * with the runtime's RLock or with a minimal reentrant futex lock: an owner
 * word and a depth over the baselines' futex mutex, as CPython builds its
 * RLock. Both put the counter, then the lock word, owner and depth, at the
 * same word indices, so they share cache lines the same way.
 */
import { Arena, layoutOf } from "../../app/runtime/memory";
import { RLock } from "../../app/runtime/sync/rlock";
import { lock, unlock } from "./futex-lock";
import { freeRunThread } from "./runtime-thread";
import { serve } from "./worker-kit";

serve({
  runtime: ({ buffer, workerId, iterations }) => {
    const arena = new Arena(buffer);
    const counter = arena.allocate("int", "counter", 1);
    const rlock = RLock.allocate(arena, "r", freeRunThread(arena, workerId));
    const w = arena.words;
    return () => {
      for (let i = 0; i < iterations; i++) {
        rlock.acquire();
        rlock.acquire();
        w[counter]!++;
        rlock.release();
        rlock.release();
      }
      return Atomics.load(w, counter);
    };
  },
  baseline: ({ buffer, workerId, iterations }) => {
    const w = new Int32Array(buffer);
    const counter = layoutOf(w).arenaStart;
    const state = counter + 1;
    const owner = counter + 2;
    const depth = counter + 3;
    const me = workerId + 1;
    const acquire = (): void => {
      // Only this worker writes its own id in the owner word: a plain read cannot mistake another holder for it.
      if (w[owner] === me) {
        w[depth]!++;
        return;
      }
      lock(w, state);
      w[owner] = me;
      w[depth] = 1;
    };
    const release = (): void => {
      if (--w[depth]! > 0) return;
      w[owner] = 0;
      unlock(w, state);
    };
    return () => {
      for (let i = 0; i < iterations; i++) {
        acquire();
        acquire();
        w[counter]!++;
        release();
        release();
      }
      return Atomics.load(w, counter);
    };
  },
});
