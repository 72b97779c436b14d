/** mutex_vs_futex: the runtime Mutex's contended throughput against a minimal futex mutex. */
import { Team, expectTotal, interleaved, median, mops, ratios, type Figure } from "../harness";

const WORKERS = 2;
// About 150 ms per run at the ~6.8 M ops/s DESIGN.md measured for a futex mutex.
const ITERATIONS = 2_000_000;

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
