/**
 * free_run_overhead: how much longer a scenario loop takes in a free run
 * than the same atomic steps written with bare Atomics. Both loops run on 2
 * workers at once, each uncontended (its own lock and counter, on its own
 * cache line): acquire a lock, add 1 to a counter, release the lock.
 *
 *   with:    the runtime's Mutex.acquire, SharedInt.add and Mutex.release
 *            as a free run has them: a scheduling point before each (hook
 *            null: one load and a branch), run memory with the trace on and
 *            its defaults (only blocking and hand-overs write events, so
 *            these uncontended calls only check whether to trace), plus
 *            the calls' own argument checks and the lock's owner word
 *   without: one compare-exchange, one Atomics.add, one Atomics.sub
 *
 * The value is the median of paired time ratios, with over without; lower
 * is better. Uncontended calls are where the overhead is most visible: a
 * contended loop would hide it behind cache-line transfers.
 */
import { Team, interleaved, median, ratios, type Figure } from "../harness";

const WORKERS = 2;
// Per worker, about 100 ms at the ~10 M iterations/s of the bare loop.
const ITERATIONS = 1_000_000;

export const freeRunOverhead: Figure = {
  name: "free_run_overhead",
  unit: "ratio",
  target: 1.3,
  better: "lower",
  async measure(repetitions, log) {
    const team = new Team(() => new Worker(new URL("../overhead.worker.ts", import.meta.url), { type: "module" }), WORKERS);
    const time = async (kind: string): Promise<number> => {
      const run = await team.run(kind, WORKERS, ITERATIONS);
      const wrong = run.checks.find((check) => check !== ITERATIONS);
      if (wrong !== undefined) throw new Error(`${kind}: a worker counted ${wrong}, expected ${ITERATIONS}`);
      return run.ms;
    };
    try {
      const s = await interleaved(repetitions, { with: () => time("runtime"), without: () => time("raw") }, log);
      const samples = ratios(s.with, s.without);
      const perIteration = (ms: readonly number[]): number => (median(ms) * 1e6) / ITERATIONS;
      return {
        value: median(samples),
        samples,
        parts: [
          { name: "runtime Mutex + SharedInt, free run", value: perIteration(s.with), unit: "ns/iteration" },
          { name: "bare Atomics", value: perIteration(s.without), unit: "ns/iteration" },
        ],
      };
    } finally {
      team.terminate();
    }
  },
};
