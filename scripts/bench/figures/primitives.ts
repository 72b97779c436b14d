/**
 * rlock_vs_futex, semaphore_vs_atomics, event_vs_atomics,
 * condition_vs_futex, barrier_vs_atomics, queue_vs_atomics: each runtime
 * primitive's throughput over that of a minimal hand-written Atomics
 * equivalent doing the same work on the same team of 2 workers, repetitions
 * interleaved, median of the paired ratios. The runtime adds scheduling
 * points, argument and ownership checks, the watchdog's worker status and
 * the trace of blocking; the target says all of that together may cost at
 * most a fifth of the throughput. What each pair runs, and why its baseline
 * is the one a careful programmer would write, is in its worker file.
 *
 * Iterations are per worker, sized for some 100 to 300 ms a run here: the
 * lock loops and the queue run at a few million operations a second, the
 * ping-pongs and the barrier at about 100,000, as nearly every one of their
 * operations waits for a wake-up.
 */
import { throughputRatio, type Figure } from "../harness";

const WORKERS = 2;
const TARGET = 0.8;

function primitiveFigure(name: string, spawn: () => Worker, iterations: number, runtime: string, baseline: string): Figure {
  return {
    name,
    unit: "ratio",
    target: TARGET,
    measure: (repetitions, log) =>
      throughputRatio(
        spawn,
        WORKERS,
        iterations,
        { kind: "runtime", label: `${runtime}, ${WORKERS} workers` },
        { kind: "baseline", label: `${baseline}, ${WORKERS} workers` },
        repetitions,
        log,
      ),
  };
}

export const rlockVsFutex = primitiveFigure(
  "rlock_vs_futex",
  () => new Worker(new URL("../rlock.worker.ts", import.meta.url), { type: "module" }),
  300_000,
  "runtime RLock, taken twice",
  "owner and depth over a futex mutex",
);

export const semaphoreVsAtomics = primitiveFigure(
  "semaphore_vs_atomics",
  () => new Worker(new URL("../semaphore.worker.ts", import.meta.url), { type: "module" }),
  200_000,
  "runtime Semaphore(1)",
  "compare-exchange semaphore with wait/notify",
);

export const eventVsAtomics = primitiveFigure(
  "event_vs_atomics",
  () => new Worker(new URL("../event.worker.ts", import.meta.url), { type: "module" }),
  5_000,
  "runtime Event ping-pong",
  "futex flag ping-pong",
);

export const conditionVsFutex = primitiveFigure(
  "condition_vs_futex",
  () => new Worker(new URL("../condition.worker.ts", import.meta.url), { type: "module" }),
  5_000,
  "runtime Condition turns",
  "sequence condition variable turns",
);

export const barrierVsAtomics = primitiveFigure(
  "barrier_vs_atomics",
  () => new Worker(new URL("../barrier.worker.ts", import.meta.url), { type: "module" }),
  5_000,
  "runtime Barrier phases",
  "generation-counting barrier phases",
);

export const queueVsAtomics = primitiveFigure(
  "queue_vs_atomics",
  () => new Worker(new URL("../queue.worker.ts", import.meta.url), { type: "module" }),
  200_000,
  "runtime Queue put/get",
  "futex ring put/get",
);
