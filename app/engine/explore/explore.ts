/**
 * Explore: runs a scenario under many schedules on real workers, looking for
 * one that fails: a result that breaks the scenario's promise, an uncaught
 * error, or a deadlock (no worker can move and one has not finished). The
 * search order is the issue's: no preemptions, then every schedule with at
 * most 1, then at most 2 (search.ts).
 *
 * Each schedule is a whole gated run (run.ts with `drive`), driven by a
 * Controller on this thread, so this module runs where Atomics.wait may
 * block: Node, or a worker in the browser.
 */
import { layoutOf } from "../../runtime/memory";
import type { ParamValue } from "../../runtime/params";
import type { GoalCheck, GoalOutcome } from "../../runtime/protocol";
import type { WorkerPool } from "../pool";
import { startRun, type RunHandle, type RunOutcome } from "../run";
import { inspect } from "../watchdog";
import { Controller, StuckWorkerError, type Option, type Pending } from "./controller";
import { codeHash, decodeSchedule } from "./schedule";
import { searchBounded, type Decision, type Execution } from "./search";

/** A run longer than this many steps is reported as a possible livelock. */
export const STEP_CAP = 10_000;
export const DEFAULT_MAX_PREEMPTIONS = 2;
export const DEFAULT_SCHEDULE_CAP = 5_000;

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
}

/** One step of a schedule: who moved, and what it was about to do when chosen. */
export interface Step extends Pending {
  readonly timeout: boolean;
}

export interface Failure {
  /** `diverged`: a replayed schedule asked for a move the run did not offer. */
  readonly kind: "broken" | "error" | "deadlock" | "livelock" | "stuck" | "diverged";
  readonly message: string;
  readonly steps: readonly Step[];
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
    const result = await searchBounded(bound, (prefix) => runSchedule(pool, request, byPrefix(prefix)), { cap, cancelled: request.cancelled });
    schedules += result.schedules;
    if (result.found) return { schedules, bound, exhaustive: false, failure: { ...result.found.failure, choices: result.found.choices } };
    if (!result.exhaustive) return { schedules, bound, exhaustive: false, failure: null };
    if (bound === maxPreemptions) return { schedules, bound, exhaustive: true, failure: null };
  }
  return { schedules, bound: maxPreemptions, exhaustive: true, failure: null };
}

/**
 * Picks the position to take among a decision's ordered options (0: the
 * default), or throws ScheduleDivergedError when the wanted move is not among them.
 */
export type Chooser = (ordered: readonly Option[], step: number) => number;

/** The search's chooser: `prefix` positions first, then the default at every decision. */
export function byPrefix(prefix: readonly number[]): Chooser {
  return (ordered, step) => Math.min(prefix[step] ?? 0, ordered.length - 1);
}

/**
 * Replay's chooser: the given moves in order; a move that cannot be made
 * means the run went differently. After the last move, a `complete`
 * schedule expects the run to have ended; a partial one goes on by default.
 */
export function bySteps(steps: readonly Option[], { complete }: { complete: boolean }): Chooser {
  return (ordered, step) => {
    const wanted = steps[step];
    if (wanted === undefined && complete) throw new ScheduleDivergedError(step, null);
    if (wanted === undefined) return 0;
    const position = ordered.findIndex((o) => o.worker === wanted.worker && o.timeout === wanted.timeout);
    if (position < 0) throw new ScheduleDivergedError(step, wanted);
    return position;
  };
}

export class ScheduleDivergedError extends Error {
  override name = "ScheduleDivergedError";
  constructor(step: number, wanted: Option | null) {
    const who = wanted && String.fromCharCode(65 + wanted.worker);
    const what = who ? `the schedule moves worker ${who}, but ${who} could not move` : "the schedule has ended, but the run has not";
    super(
      `Not deterministic: at step ${step + 1} ${what}. The scenario's behaviour depends on time or randomness (ctx.now, Math.random), so this schedule cannot replay it.`,
    );
  }
}

/** One schedule run: its decisions, its steps, and what failed in it, if anything. */
export interface ScheduleRun extends Execution<Failure> {
  readonly steps: readonly Step[];
}

/** Runs one schedule, as `choose` decides. */
export async function runSchedule(pool: WorkerPool, request: ExploreRequest, choose: Chooser): Promise<ScheduleRun> {
  const decisions: Decision[] = [];
  const steps: Step[] = [];
  const parked: { failure: Omit<Failure, "steps"> | null } = { failure: null };
  const handle: RunHandle = startRun(pool, {
    js: request.js,
    params: request.params,
    goals: request.goals ?? [],
    drive: (memory, workers) => {
      parked.failure = drive(new Controller(memory, workers), choose, decisions, steps);
      if (parked.failure === null) return;
      // Its workers stay parked for good: stop the run, and the pool replaces them.
      if (parked.failure.kind === "deadlock") {
        const deadlock = inspect({ memory, layout: layoutOf(new Int32Array(memory)), workers, objects: handle.objects });
        if (deadlock) parked.failure = { kind: "deadlock", message: deadlock.message };
      }
      handle.stop();
    },
  });
  const outcome = await handle.outcome;
  const failure = parked.failure ?? judge(outcome, request);
  return { decisions, steps, failure: failure ? { ...failure, steps } : null };
}

/** Starts the controller and follows the schedule; what leaves the workers parked, or null when all ended. */
function drive(controller: Controller, choose: Chooser, decisions: Decision[], steps: Step[]): Omit<Failure, "steps"> | null {
  try {
    controller.start();
    return follow(controller, choose, decisions, steps);
  } catch (thrown) {
    if (thrown instanceof StuckWorkerError) return { kind: "stuck", message: thrown.message };
    if (thrown instanceof ScheduleDivergedError) return { kind: "diverged", message: thrown.message };
    throw thrown;
  }
}

/** Takes decisions until every worker is done (null), or none can move (a deadlock), or the step cap. */
function follow(controller: Controller, choose: Chooser, decisions: Decision[], steps: Step[]): Omit<Failure, "steps"> | null {
  let current = -1;
  let preemptions = 0;
  for (;;) {
    const options = controller.options();
    if (options.length === 0) {
      return controller.allDone() ? null : { kind: "deadlock", message: "Deadlock: no worker can move, and not every worker has finished." };
    }
    if (decisions.length >= STEP_CAP) {
      return { kind: "livelock", message: `Possible livelock: the run took more than ${STEP_CAP.toLocaleString("en")} steps without ending.` };
    }
    const ordered = orderOptions(options, current);
    const goesOn = options.some((o) => o.worker === current);
    const preemptive = ordered.map((o) => goesOn && o.worker !== current);
    const position = choose(ordered, decisions.length);
    const option = ordered[position]!;
    decisions.push({ count: ordered.length, position, preemptive, preemptionsBefore: preemptions });
    steps.push({ ...controller.pending()[option.worker]!, timeout: option.timeout });
    if (preemptive[position]) preemptions++;
    controller.take(option);
    current = option.worker;
  }
}

/** The default first (the current worker goes on, a wake-up before a timeout), then the rest in worker order. */
export function orderOptions(options: readonly Option[], current: number): Option[] {
  const rank = (o: Option) => (o.worker === current ? -1 : o.worker) * 2 + (o.timeout ? 1 : 0);
  return [...options].sort((a, b) => rank(a) - rank(b));
}

function judge(outcome: RunOutcome, request: ExploreRequest): Omit<Failure, "steps"> | null {
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
  return { execution: await runSchedule(pool, request, bySteps(decoded.steps, { complete: true })) };
}
