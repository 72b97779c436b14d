/**
 * mutex_vs_futex: the runtime Mutex's contended throughput against a minimal
 * futex mutex. Contended runs fall into two regimes: the lock changes hands
 * often (wait/notify round trips dominate), or one worker keeps re-taking it
 * while the other sleeps (the uncontended path dominates). Which one a run
 * lands in is chance, hence many repetitions and a median of paired ratios.
 */
import { throughputRatio, type Figure } from "../harness";

const WORKERS = 2;
// 2 M lock/unlock pairs a run: about 300 ms at the ~6.8 M ops/s DESIGN.md measured for a futex mutex
// with both workers contending, about 130 ms when one worker keeps re-taking the lock.
const ITERATIONS = 1_000_000;

export const mutexVsFutex: Figure = {
  name: "mutex_vs_futex",
  unit: "ratio",
  target: 0.9,
  measure: (repetitions, log) =>
    throughputRatio(
      () => new Worker(new URL("../mutex.worker.ts", import.meta.url), { type: "module" }),
      WORKERS,
      ITERATIONS,
      { kind: "runtime", label: "runtime Mutex, 2 workers" },
      { kind: "futex", label: "minimal futex mutex, 2 workers" },
      repetitions,
      log,
    ),
};
