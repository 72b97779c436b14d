/**
 * The worker side of the bench's own (non-engine) measurements: take a job,
 * prepare it untimed, wait at the start gate with the job's other workers,
 * then time only the measured loop and report.
 */
import { waitAtStartGate } from "../../app/runtime/start-gate";

export interface Job {
  readonly kind: string;
  readonly buffer: SharedArrayBuffer;
  readonly workerId: number;
  readonly workers: number;
  readonly iterations: number;
}

/** Timestamps on the clock every worker shares (`timeOrigin + now`), as the engine's runner reports them. */
export type Report =
  | { readonly ok: true; readonly startedAt: number; readonly finishedAt: number; readonly check: number }
  | { readonly ok: false; readonly error: string };

/** Untimed setup returning the timed loop; the loop's result lets the page check the work was done right. */
export type Task = (job: Job) => () => number;

const now = (): number => performance.timeOrigin + performance.now();

export function serve(tasks: Readonly<Record<string, Task>>): void {
  self.onmessage = (event: MessageEvent<Job>) => {
    const job = event.data;
    let report: Report;
    try {
      const task = tasks[job.kind];
      if (task === undefined) throw new Error(`no task "${job.kind}" in this worker`);
      const timed = task(job);
      // The engine's own start gate, so raw and engine runs start with the same skew.
      waitAtStartGate(new Int32Array(job.buffer), job.workers);
      const startedAt = now();
      const check = timed();
      report = { ok: true, startedAt, finishedAt: now(), check };
    } catch (thrown) {
      report = { ok: false, error: thrown instanceof Error ? thrown.message : String(thrown) };
    }
    postMessage(report);
  };
}
