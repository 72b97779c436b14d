/**
 * Every worker arrives at a barrier once per iteration, with the runtime's
 * Barrier or with a minimal generation-counting futex barrier (arrivals
 * counted with Atomics.add; the last one resets the count, bumps the
 * generation and wakes the rest, who sleep while the generation holds what
 * they read before arriving). Before each wait a worker counts its arrival;
 * after it, all of that phase's arrivals must be counted, or the job fails:
 * a barrier that lets a worker through early cannot pass for a fast one.
 */
import { Arena, layoutOf } from "../../app/runtime/memory";
import { Barrier } from "../../app/runtime/sync/barrier";
import { freeRunThread } from "./runtime-thread";
import { serve } from "./worker-kit";

function phases(w: Int32Array, arrivals: number, wait: () => void, workers: number, iterations: number): () => number {
  return () => {
    for (let i = 0; i < iterations; i++) {
      Atomics.add(w, arrivals, 1);
      wait();
      if (Atomics.load(w, arrivals) < workers * (i + 1)) throw new Error(`the barrier let a worker through phase ${i} early`);
    }
    return Atomics.load(w, arrivals);
  };
}

serve({
  runtime: ({ buffer, workerId, workers, iterations }) => {
    const arena = new Arena(buffer);
    const arrivals = arena.allocate("int", "arrivals", 1);
    const barrier = Barrier.allocate(arena, "b", freeRunThread(arena, workerId), workerId === 0, workers);
    return phases(arena.words, arrivals, () => barrier.wait(), workers, iterations);
  },
  baseline: ({ buffer, workers, iterations }) => {
    const w = new Int32Array(buffer);
    const arrivals = layoutOf(w).arenaStart;
    const count = arrivals + 1;
    const generation = arrivals + 2;
    const wait = (): void => {
      // Read before arriving: the phase cannot end, and the generation move, without this arrival.
      const seen = Atomics.load(w, generation);
      if (Atomics.add(w, count, 1) === workers - 1) {
        Atomics.store(w, count, 0);
        Atomics.add(w, generation, 1);
        Atomics.notify(w, generation);
      } else {
        while (Atomics.load(w, generation) === seen) Atomics.wait(w, generation, seen);
      }
    };
    return phases(w, arrivals, wait, workers, iterations);
  },
});
