// TEMPORARY experiment, to be deleted.
import { Team, expectTotal, interleaved, median, mops, type Figure } from "../harness";
const N = 500_000;
const K = ["runtime", "futex", "str", "gate", "load", "owner"];
export const exp: Figure = {
  name: "_exp", unit: "x",
  async measure(reps, log) {
    const team = new Team(() => new Worker(new URL("../_exp.worker.ts", import.meta.url), { type: "module" }), 2);
    const parts = [];
    for (const workers of [1, 2]) {
      const t = async (k: string) => { const r = await team.run(k, workers, N); expectTotal(k, r.checks, workers * N); return mops(workers * N, r.ms); };
      const s = await interleaved(reps, Object.fromEntries(K.map((k) => [k, () => t(k)])), log);
      parts.push(...Object.entries(s).map(([name, v]) => ({ name: `${workers}w ${name}`, value: median(v), unit: "M/s" })));
    }
    team.terminate();
    return { value: 0, samples: [], parts };
  },
};
