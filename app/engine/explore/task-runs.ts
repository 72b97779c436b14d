/**
 * Schedules of one asyncio scenario, run one after another on one runner
 * worker (Runner.runTaskSchedule): the worker evaluates the scenario once
 * and runs `main` again for each schedule, on a fresh loop. A task that
 * neither awaits nor ends holds the loop for good: a schedule that does not
 * come back within the limit is reported as stuck, and its worker replaced.
 */
import { language } from "../../runtime/i18n/i18n";
import { createRunMemory } from "../../runtime/memory";
import type { GoalCheck, Outcome, Prepared, ScenarioErrorInfo, TaskScheduleReport } from "../../runtime/protocol";
import type { ParamValue } from "../../runtime/params";
import type { TaskSchedulePlan } from "../../runtime/asyncio/task-schedule";
import type { RunnerHandle, WorkerPool } from "../pool";
import { engineMessage } from "../messages/message";

/** How long one schedule may hold the loop: far longer than any schedule of a lesson takes. */
export const TASK_SCHEDULE_LIMIT_MS = 5_000;
/** Loading and setting up, on a worker that may be starting cold (seconds in Node under load). */
const PREPARE_LIMIT_MS = 30_000;

export type TaskRunOutcome = { readonly report: TaskScheduleReport } | { readonly stuck: string };

export class TaskRuns {
  private healthy = true;

  private constructor(
    private readonly pool: WorkerPool,
    private readonly handle: RunnerHandle,
    private readonly goals: readonly GoalCheck[],
    private readonly limitMs: number,
  ) {}

  /** Prepares a runner for the scenario; its error when the scenario cannot load or set up. */
  static async open(
    pool: WorkerPool,
    js: string,
    params: Readonly<Record<string, ParamValue>>,
    goals: readonly GoalCheck[],
    limitMs = TASK_SCHEDULE_LIMIT_MS,
  ): Promise<TaskRuns | { readonly error: ScenarioErrorInfo }> {
    const [handle] = pool.take(1);
    if (!handle) throw new Error(engineMessage("tasks.noRunner"));
    const runs = new TaskRuns(pool, handle, goals, limitMs);
    const request = { js, memory: createRunMemory(), workerId: 0, params, init: true, origin: performance.timeOrigin + performance.now(), language: language() };
    const prepared = await runs.call<Outcome<Prepared>>(() => handle.runner.prepare(request), PREPARE_LIMIT_MS, engineMessage("tasks.loadLimit", { seconds: PREPARE_LIMIT_MS / 1000 }));
    if ("stuck" in prepared) {
      runs.close();
      return { error: { name: "TimeoutError", phase: "setup", message: prepared.stuck } };
    }
    if (!prepared.ok) {
      runs.close();
      return { error: prepared.error };
    }
    return runs;
  }

  /** Runs one schedule. After a stuck one, the worker is gone: close and open again. */
  async run(plan: TaskSchedulePlan): Promise<TaskRunOutcome> {
    if (!this.healthy) throw new Error("These task runs ended with a stuck schedule: open new ones.");
    const outcome = await this.call<Outcome<TaskScheduleReport>>(() => this.handle.runner.runTaskSchedule(plan, this.goals));
    if ("stuck" in outcome) return outcome;
    if (!outcome.ok) throw new Error(engineMessage("tasks.runnerFailed", { error: outcome.error.message }));
    return { report: outcome.value };
  }

  /** Gives the runner back to the pool, or replaces it when it was lost. */
  close(): void {
    if (this.healthy) this.pool.give([this.handle]);
    else this.pool.discard([this.handle]);
  }

  /** One call to the runner, raced against its crash and the time limit. */
  private async call<T>(
    method: () => Promise<T>,
    limitMs = this.limitMs,
    words?: string,
  ): Promise<T | { readonly stuck: string }> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stuck = new Promise<{ readonly stuck: string }>((resolve) => {
      // Worded only when it is said: this call runs once per schedule of a search.
      timer = setTimeout(() => resolve({ stuck: words ?? engineMessage("tasks.neverAwaits", { seconds: limitMs / 1000 }) }), limitMs);
    });
    const outcome = await this.handle.crash.race(Promise.race([method(), stuck]), (error) => ({ stuck: engineMessage("tasks.crashed", { error: error.message }) }));
    clearTimeout(timer);
    if (typeof outcome === "object" && outcome !== null && "stuck" in outcome) this.healthy = false;
    return outcome;
  }
}

/** An error's words with its line, when it has one: "ValueError: x (line 12)". */
export function atLine(what: string, line: number | null | undefined): string {
  return line ? engineMessage("explore.atLine", { what, line }) : what;
}
