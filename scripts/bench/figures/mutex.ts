/**
 * mutex_vs_futex: the runtime Mutex's contended throughput against a minimal
 * futex mutex. Contended runs fall into two regimes: the lock changes hands
 * often (wait/notify round trips dominate), or one worker keeps re-taking it
 * while the other sleeps (the uncontended path dominates). Which one a run
 * lands in is chance, hence many repetitions and a median of paired ratios.
 */
import { Team, expectTotal, interleaved, median, mops, ratios, type Figure } from "../harness";

const WORKERS = 2;
// 2 M lock/unlock pairs a run: about 300 ms at the ~6.8 M ops/s DESIGN.md measured for a futex mutex
// with both workers contending, about 130 ms when one worker keeps re-taking the lock.
const ITERATIONS = 1_000_000;

export const mutexVsFutex: Figure = {
  name: "mutex_vs_futex",
  unit: "ratio",
  target: 0.9,
  async measure(repetitions, log) {
    const team = new Team(() => new Worker(new URL("../mutex.worker.ts", import.meta.url), { type: "module" }), WORKERS);
    const throughput = async (kind: string): Promise<number> => {
      const run = await team.run(kind, WORKERS, ITERATIONS);
      expectTotal(`${kind} mutex`, run.checks, WORKERS * ITERATIONS);
      return mops(WORKERS * ITERATIONS, run.ms);
    };
    try {
      const s = await interleaved(repetitions, { runtime: () => throughput("runtime"), futex: () => throughput("futex") }, log);
      const samples = ratios(s.runtime, s.futex);
      return {
        value: median(samples),
        samples,
        parts: [
          { name: "runtime Mutex, 2 workers", value: median(s.runtime), unit: "M ops/s" },
          { name: "minimal futex mutex, 2 workers", value: median(s.futex), unit: "M ops/s" },
        ],
      };
    } finally {
      team.terminate();
    }
  },
};
