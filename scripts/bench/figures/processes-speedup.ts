/**
 * processes_speedup_vs_raw: the 2-worker speedup of CPU work in a scenario
 * under the `processes` interpreter (`ctx.cpu` units, one interpreter per
 * worker: nothing shared to wait for), divided by the speedup of the raw
 * kernel in raw module workers. 1.0 means simulating processes costs
 * parallel work nothing. `ctx.cpu`'s loop is not the raw kernel, so each
 * side's speedup is its own 1-worker time over its own 2-worker time, for
 * the same fixed total of work; only the speedups are compared.
 */
import { CpuUnits } from "../cpu-units";
import { median, ratios, type Figure } from "../harness";
import { agreeingChecksums, rawKernelSide, rawKernelTeam } from "../raw-kernel";
import { measureSpeedups, speedupParts } from "../speedup";

export const processesSpeedupVsRaw: Figure = {
  name: "processes_speedup_vs_raw",
  unit: "ratio",
  target: 0.95,
  async measure(repetitions, log) {
    const processes = new CpuUnits("processes");
    const team = rawKernelTeam();
    try {
      const s = await measureSpeedups(repetitions, { processes: processes.time, raw: rawKernelSide(team, agreeingChecksums()) }, log);
      const samples = ratios(s.processes.speedup, s.raw.speedup);
      return {
        value: median(samples),
        samples,
        parts: [...speedupParts("processes", "processes time", s.processes, "ns/integer sorted"), ...speedupParts("raw", "raw time", s.raw)],
      };
    } finally {
      processes.close();
      team.terminate();
    }
  },
};
