/**
 * Runs of a bench scenario through the engine, as the app makes them: the
 * source compiled once, each run started on a pool that keeps `workers`
 * browser runner workers warm (so, as in the app, only the first run pays
 * for starting them).
 * A run that does not end "done" fails the figure.
 */
import { compileScenario } from "../../app/engine/compile";
import { WorkerPool } from "../../app/engine/pool";
import { startRun, type RunOutcome } from "../../app/engine/run";
import { spawnBrowserRunner } from "../../app/engine/browser-runner";
import type { ParamValue } from "../../app/runtime/params";

export interface ScenarioRun {
  readonly outcome: Extract<RunOutcome, { status: "done" }>;
  /** The run's shared memory, to read what the outcome does not report. */
  readonly memory: SharedArrayBuffer;
}

export class ScenarioRuns {
  private readonly js: string;
  private readonly pool: WorkerPool;

  constructor(source: string, workers: number) {
    const compiled = compileScenario(source);
    if (!compiled.ok) throw new Error(`bench scenario does not compile: ${compiled.error.message}`);
    this.js = compiled.js;
    this.pool = new WorkerPool(spawnBrowserRunner, workers);
  }

  async run(params: Readonly<Record<string, ParamValue>>): Promise<ScenarioRun> {
    const handle = startRun(this.pool, { js: this.js, params, goals: [] });
    const outcome = await handle.outcome;
    if (outcome.status !== "done") throw new Error(`engine run ended ${outcome.status}: ${JSON.stringify(outcome)}`);
    return { outcome, memory: handle.memory };
  }

  close(): void {
    this.pool.close();
  }
}
