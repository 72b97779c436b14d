/**
 * engine_speedup_vs_raw: the 2-worker speedup of CPU-bound work run as a
 * scenario through the engine (compile, pool, run), divided by the speedup
 * of the same kernel in raw module workers. 1.0 means the engine adds no
 * overhead to parallel work; the engine's `bodyMs` and the raw team's time
 * are both "first body start to last body end".
 */
import { compileScenario } from "../../../app/engine/compile";
import { WorkerPool } from "../../../app/engine/pool";
import { startRun } from "../../../app/engine/run";
import { spawnBrowserRunner } from "../../../app/engine/browser-runner";
import { cpuShare } from "../cpu-kernel";
import { Team, interleaved, median, ratios, type Figure } from "../harness";

// Sized for roughly 200 ms of one core per 1-worker run (about 7 ns an iteration).
const ITERATIONS = 30_000_000;

const SCENARIO = `import { defineScenario, param } from "interleave";

${cpuShare.toString()}

export default defineScenario({
  params: {
    workers: param.int({ default: 2, min: 1, max: 2 }),
    iterations: param.int({ default: ${ITERATIONS}, min: 1, max: 2_000_000_000 }),
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
    const compiled = compileScenario(SCENARIO);
    if (!compiled.ok) throw new Error(`bench scenario does not compile: ${compiled.error.message}`);
    const pool = new WorkerPool(spawnBrowserRunner, 2);
    const team = new Team(() => new Worker(new URL("../cpu.worker.ts", import.meta.url), { type: "module" }), 2);
    let expected: number | undefined;
    // Every run must agree on the result, or the two sides did not do the same work.
    const check = (what: string, sum: number): void => {
      expected ??= sum;
      if (sum !== expected) throw new Error(`${what}: checksum ${sum}, expected ${expected}`);
    };
    const engine = async (workers: number): Promise<number> => {
      const outcome = await startRun(pool, { js: compiled.js, params: { workers, iterations: ITERATIONS }, goals: [] }).outcome;
      if (outcome.status !== "done") throw new Error(`engine run ended ${outcome.status}: ${JSON.stringify(outcome)}`);
      check(`engine, ${workers} workers`, outcome.result as number);
      return outcome.bodyMs;
    };
    const raw = async (workers: number): Promise<number> => {
      const run = await team.run("cpu", workers, ITERATIONS);
      check(`raw, ${workers} workers`, run.checks.reduce((a, b) => (a + b) | 0, 0));
      return run.ms;
    };
    try {
      const s = await interleaved(
        repetitions,
        { engine1: () => engine(1), engine2: () => engine(2), raw1: () => raw(1), raw2: () => raw(2) },
        log,
      );
      const engineSpeedup = ratios(s.engine1, s.engine2);
      const rawSpeedup = ratios(s.raw1, s.raw2);
      const samples = ratios(engineSpeedup, rawSpeedup);
      return {
        value: median(samples),
        samples,
        parts: [
          { name: "engine speedup, 2 vs 1 worker", value: median(engineSpeedup), unit: "x" },
          { name: "raw speedup, 2 vs 1 worker", value: median(rawSpeedup), unit: "x" },
          { name: "engine bodyMs, 1 worker", value: median(s.engine1), unit: "ms" },
          { name: "engine bodyMs, 2 workers", value: median(s.engine2), unit: "ms" },
          { name: "raw time, 1 worker", value: median(s.raw1), unit: "ms" },
          { name: "raw time, 2 workers", value: median(s.raw2), unit: "ms" },
        ],
      };
    } finally {
      pool.close();
      team.terminate();
    }
  },
};
