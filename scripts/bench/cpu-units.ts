/**
 * The interpreter-mode speedup figures' work: a scenario that splits a fixed
 * total of `ctx.cpu` units between its workers, run through the engine under
 * one interpreter mode. A unit is calibrated afresh at the start of every run
 * (about 1 ms of this machine, work.ts), and a calibration disturbed by
 * other load makes that run's work smaller or larger; so each run's time is
 * divided by the integers it really sorted (units times the calibration it
 * read from the run memory), and the side's time is nanoseconds per integer
 * sorted.
 */
import { Header } from "../../app/runtime/memory";
import type { InterpreterMode } from "../../app/runtime/gil";
import { ScenarioRuns } from "./scenario-runs";
import type { Side } from "./speedup";

// About 200 ms of one core, the raw kernel's fixed work (raw-kernel.ts).
const UNITS = 200;

function scenario(mode: InterpreterMode): string {
  return `import { defineScenario, param } from "interleave";

export default defineScenario({
  params: { workers: param.int({ default: 2, min: 1, max: 2 }) },
  interpreter: () => ({ mode: "${mode}" }),
  setup: (shared) => ({ done: shared.int("units done", 0) }),
  worker: ({ done }, { id, workers, cpu }) => {
    const share = Math.floor(${UNITS} / workers) + (id < ${UNITS} % workers ? 1 : 0);
    cpu(share);
    done.add(share);
  },
  result: ({ done }) => done.get(),
});
`;
}

export class CpuUnits {
  private readonly runs: ScenarioRuns;

  constructor(private readonly mode: InterpreterMode) {
    this.runs = new ScenarioRuns(scenario(mode), 2);
  }

  readonly time: Side = async (workers) => {
    const { outcome, memory } = await this.runs.run({ workers });
    if (outcome.result !== UNITS) throw new Error(`${this.mode}, ${workers} workers: ${String(outcome.result)} units done, expected ${UNITS}`);
    const sorted = UNITS * Atomics.load(new Int32Array(memory), Header.cpuUnitIterations);
    return (outcome.bodyMs * 1e6) / sorted;
  };

  close(): void {
    this.runs.close();
  }
}
