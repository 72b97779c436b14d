/**
 * engine_speedup_vs_raw: the 2-worker speedup of CPU-bound work run as a
 * scenario through the engine (compile, pool, run), divided by the speedup
 * of the same kernel in raw module workers. 1.0 means the engine adds no
 * overhead to parallel work; the engine's `bodyMs` and the raw team's time
 * are both "first body start to last body end".
 */
import { cpuShare } from "../cpu-kernel";
import { median, ratios, type Figure } from "../harness";
import { KERNEL_ITERATIONS, agreeingChecksums, rawKernelSide, rawKernelTeam } from "../raw-kernel";
import { ScenarioRuns } from "../scenario-runs";
import { measureSpeedups, speedupParts } from "../speedup";

const SCENARIO = `import { defineScenario, param } from "interleave";

${cpuShare.toString()}

export default defineScenario({
  params: {
    workers: param.int({ default: 2, min: 1, max: 2 }),
    iterations: param.int({ default: ${KERNEL_ITERATIONS}, min: 1, max: 2_000_000_000 }),
  },
  setup: (shared) => ({ checksum: shared.int("checksum", 0) }),
  worker: ({ checksum }, { id, workers, params }) => {
    checksum.add(cpuShare(id, workers, params.iterations));
  },
  result: ({ checksum }) => checksum.get(),
});
`;

export const engineSpeedupVsRaw: Figure = {
  name: "engine_speedup_vs_raw",
  unit: "ratio",
  target: 0.95,
  async measure(repetitions, log) {
    const engine = new ScenarioRuns(SCENARIO, 2);
    const team = rawKernelTeam();
    // Every run of either side must agree on the result, or the two sides did not do the same work.
    const check = agreeingChecksums();
    try {
      const s = await measureSpeedups(
        repetitions,
        {
          engine: async (workers) => {
            const { outcome } = await engine.run({ workers, iterations: KERNEL_ITERATIONS });
            check(`engine, ${workers} workers`, outcome.result as number);
            return outcome.bodyMs;
          },
          raw: rawKernelSide(team, check),
        },
        log,
      );
      const samples = ratios(s.engine.speedup, s.raw.speedup);
      return {
        value: median(samples),
        samples,
        parts: [...speedupParts("engine", "engine bodyMs", s.engine), ...speedupParts("raw", "raw time", s.raw)],
      };
    } finally {
      engine.close();
      team.terminate();
    }
  },
};
