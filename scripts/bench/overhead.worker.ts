/**
 * The free-run overhead loop: each worker takes its own lock, adds 1 to its
 * own counter and releases the lock, so nothing contends and what is left is
 * the cost of the calls themselves. "runtime" uses the scenario API's Mutex
 * and SharedInt in a free run's configuration (runtime-thread.ts): every
 * call passes a scheduling point and the trace is on. "raw" does the same
 * atomic steps with bare Atomics: the futex lock's compare-exchange and
 * subtract, and Atomics.add. Each worker's lock and counter sit on a cache
 * line of their own, at the same word indices on both sides.
 */
import { Arena, layoutOf } from "../../app/runtime/memory";
import { SharedInt } from "../../app/runtime/shared-int";
import { MUTEX_WORDS, Mutex } from "../../app/runtime/sync/mutex";
import { lock, unlock } from "./futex-lock";
import { freeRunThread } from "./runtime-thread";
import { serve } from "./worker-kit";

/** A 64-byte cache line, in words: one per worker. */
const LINE_WORDS = 16;
const COUNTER = MUTEX_WORDS;

serve({
  runtime: ({ buffer, workerId, workers, iterations }) => {
    const arena = new Arena(buffer);
    const thread = freeRunThread(arena, workerId);
    // Every worker allocates every worker's objects, in the same order, as a scenario's setup does.
    const objects = Array.from({ length: workers }, (_, id) => {
      const mutex = Mutex.allocate(arena, `lock ${id}`, thread);
      const counter = SharedInt.allocate(arena, `counter ${id}`, 0, workerId === 0);
      arena.allocate("padding", `padding ${id}`, LINE_WORDS - COUNTER - 1);
      return { mutex, counter };
    });
    const { mutex, counter } = objects[workerId]!;
    return () => {
      for (let i = 0; i < iterations; i++) {
        mutex.acquire();
        counter.add(1);
        mutex.release();
      }
      return counter.get();
    };
  },
  raw: ({ buffer, workerId, iterations }) => {
    const w = new Int32Array(buffer);
    const state = layoutOf(w).arenaStart + workerId * LINE_WORDS;
    const counter = state + COUNTER;
    return () => {
      for (let i = 0; i < iterations; i++) {
        lock(w, state);
        Atomics.add(w, counter, 1);
        unlock(w, state);
      }
      return Atomics.load(w, counter);
    };
  },
});
