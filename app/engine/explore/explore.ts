/**
 * Explore: runs a scenario under many schedules on real workers, looking for
 * one that fails: a result that breaks the scenario's promise, an uncaught
 * error, or a deadlock (no worker can move and one has not finished). The
 * search order is the issue's: no preemptions, then every schedule with at
 * most 1, then at most 2 (search.ts). Replay runs one schedule again.
 *
 * Each schedule is a whole gated run (run.ts with `drive`), driven through a
 * Driver: `driveSchedule` itself where this thread may block (Node), or a
 * controller worker in the browser (browser-driver.ts).
 */
import { layoutOf, type Allocation } from "../../runtime/memory";
import type { ParamValue } from "../../runtime/params";
import type { GoalCheck, GoalOutcome } from "../../runtime/protocol";
import type { WorkerPool } from "../pool";
import { startRun, type RunHandle, type RunOutcome } from "../run";
import { inspect } from "../watchdog";
import { driveSchedule, type DriveReport, type Parked, type Plan, type Step } from "./drive";
import { codeHash, decodeSchedule } from "./schedule";
import { searchBounded, type Execution } from "./search";

export const DEFAULT_MAX_PREEMPTIONS = 2;
export const DEFAULT_SCHEDULE_CAP = 5_000;

/** Drives one gated run through a plan (drive.ts), here or in a controller worker. */
export type Driver = (memory: SharedArrayBuffer, workers: number, plan: Plan) => DriveReport | Promise<DriveReport>;

export interface ExploreRequest {
  readonly js: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Goals checked after each schedule, for `broken` to read. */
  readonly goals?: readonly GoalCheck[];
  /** What a finished run breaks (its result, its goals), in words, or null when it keeps its promise. */
  readonly broken: (result: unknown, goals: readonly GoalOutcome[]) => string | null;
  readonly maxPreemptions?: number;
  readonly cap?: number;
  readonly cancelled?: () => boolean;
  /** Told after each schedule: how many so far, and the bound being searched. */
  readonly progress?: (schedules: number, bound: number) => void;
  /** Default: drive on this thread, which must be allowed to block. */
  readonly driver?: Driver;
}

export interface Failure {
  /** `diverged`: a replayed schedule asked for a move the run did not offer. */
  readonly kind: "broken" | "error" | Parked["kind"];
  readonly message: string;
  readonly steps: readonly Step[];
  /** The run's shared objects, to name what each step touched. */
  readonly objects: readonly Allocation[];
}

export interface ExploreResult {
  /** Schedules tried, over all bounds. */
  readonly schedules: number;
  /** The highest preemption bound searched (completely, unless cut short). */
  readonly bound: number;
  readonly exhaustive: boolean;
  readonly failure: (Failure & { readonly choices: readonly number[] }) | null;
}

export async function explore(pool: WorkerPool, request: ExploreRequest): Promise<ExploreResult> {
  const maxPreemptions = request.maxPreemptions ?? DEFAULT_MAX_PREEMPTIONS;
  let schedules = 0;
  for (let bound = 0; bound <= maxPreemptions; bound++) {
    const cap = (request.cap ?? DEFAULT_SCHEDULE_CAP) - schedules;
    const before = schedules;
    const result = await searchBounded(
      bound,
      async (prefix) => {
        const run = await runSchedule(pool, request, { prefix });
        request.progress?.(++schedules, bound);
        return run;
      },
      { cap, cancelled: request.cancelled },
    );
    schedules = before + result.schedules;
    if (result.found) return { schedules, bound, exhaustive: false, failure: { ...result.found.failure, choices: result.found.choices } };
    if (!result.exhaustive) return { schedules, bound, exhaustive: false, failure: null };
  }
  return { schedules, bound: maxPreemptions, exhaustive: true, failure: null };
}

/** One schedule run: its decisions, its steps, and what failed in it, if anything. */
export interface ScheduleRun extends Execution<Failure> {
  readonly steps: readonly Step[];
}

/** Runs one schedule, as `plan` says. */
export async function runSchedule(pool: WorkerPool, request: ExploreRequest, plan: Plan): Promise<ScheduleRun> {
  const driver = request.driver ?? driveSchedule;
  let report: DriveReport = { decisions: [], steps: [], parked: null };
  const handle: RunHandle = startRun(pool, {
    js: request.js,
    params: request.params,
    goals: request.goals ?? [],
    drive: async (memory, workers) => {
      report = await driver(memory, workers, plan);
      if (report.parked === null) return;
      // Its workers stay parked for good: stop the run, and the pool replaces them.
      if (report.parked.kind === "deadlock") {
        const deadlock = inspect({ memory, layout: layoutOf(new Int32Array(memory)), workers, objects: handle.objects });
        if (deadlock) report = { ...report, parked: { kind: "deadlock", message: deadlock.message } };
      }
      handle.stop();
    },
  });
  const outcome = await handle.outcome;
  const failure = report.parked ?? judge(outcome, request);
  const found = failure ? { ...failure, steps: report.steps, objects: handle.objects } : null;
  return { decisions: report.decisions, steps: report.steps, failure: found };
}

export type ReplayResult = { readonly problem: string } | { readonly execution: ScheduleRun };

/**
 * Replays a schedule string (schedule.ts) on `source` with the request's
 * parameters: refused when the code or parameters changed since it was made.
 */
export async function replay(pool: WorkerPool, request: ExploreRequest, source: string, schedule: string): Promise<ReplayResult> {
  const decoded = decodeSchedule(schedule);
  if ("problem" in decoded) return decoded;
  if (decoded.hash !== codeHash(source, request.params)) {
    return { problem: "Code changed: this schedule was found on other code or other parameters, so it cannot replay this run. Reset to the code it came with, or explore again." };
  }
  return { execution: await runSchedule(pool, request, { steps: decoded.steps, complete: true }) };
}

function judge(outcome: RunOutcome, request: ExploreRequest): Omit<Failure, "steps" | "objects"> | null {
  switch (outcome.status) {
    case "done": {
      const broken = request.broken(outcome.result, outcome.goals);
      return broken === null ? null : { kind: "broken", message: broken };
    }
    case "error":
      return { kind: "error", message: `${outcome.error.name}: ${outcome.error.message}` };
    case "deadlock":
      return { kind: "deadlock", message: outcome.deadlock.message };
    case "stopped":
      return { kind: "stuck", message: outcome.message };
  }
}
