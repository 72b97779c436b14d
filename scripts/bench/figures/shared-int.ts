/** shared_int_add_vs_atomics_add: what SharedInt.add costs over a bare Atomics.add, 2 workers contending. */
import { Team, expectTotal, interleaved, median, mops, ratios, type Figure } from "../harness";

const WORKERS = 2;
// About 220 ms per run at the ~18.5 M adds/s DESIGN.md measured for Atomics.add.
const ITERATIONS = 2_000_000;

export const sharedIntAddVsAtomicsAdd: Figure = {
  name: "shared_int_add_vs_atomics_add",
  unit: "ratio",
  async measure(repetitions, log) {
    const team = new Team(() => new Worker(new URL("../counter.worker.ts", import.meta.url), { type: "module" }), WORKERS);
    const throughput = async (kind: string): Promise<number> => {
      const run = await team.run(kind, WORKERS, ITERATIONS);
      expectTotal(kind, run.checks, WORKERS * ITERATIONS);
      return mops(WORKERS * ITERATIONS, run.ms);
    };
    try {
      const s = await interleaved(repetitions, { sharedInt: () => throughput("shared-int"), atomics: () => throughput("atomics") }, log);
      const samples = ratios(s.sharedInt, s.atomics);
      return {
        value: median(samples),
        samples,
        parts: [
          { name: "SharedInt.add, 2 workers", value: median(s.sharedInt), unit: "M ops/s" },
          { name: "Atomics.add, 2 workers", value: median(s.atomics), unit: "M ops/s" },
        ],
      };
    } finally {
      team.terminate();
    }
  },
};
