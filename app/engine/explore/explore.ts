/**
 * Explore: runs a scenario under many schedules on real workers, looking for
 * one that fails: a result that breaks one of the scenario's promises, an
 * uncaught error, or a deadlock (no worker can move and one has not
 * finished).
 *
 * The search itself runs in the controller, on one run whose workers repeat
 * their bodies (epoch-search.ts), since a whole run per schedule would cost
 * a hundred times more. It tells only which choices failed; that one
 * schedule is then run again here, step by step (`runSchedule`), to say what
 * failed and where, for the swimlanes. Replay runs one schedule string again.
 *
 * The controller is a Driver: the calls themselves where this thread may
 * block (Node), or the controller worker in the browser (browser-driver.ts).
 */
import { layoutOf, type Allocation } from "../../runtime/memory";
import type { ParamValue } from "../../runtime/params";
import type { GoalOutcome } from "../../runtime/protocol";
import type { Goal } from "../course/lesson";
import type { WorkerPool } from "../pool";
import { startRun, type RunHandle, type RunOutcome } from "../run";
import { inspectMemory } from "../watchdog";
import { controllerCalls } from "./controller-calls";
import type { DriveReport, Parked, Plan, Step } from "./drive";
import { Progress, STRATEGIES, type Nondeterminism, type SearchOptions, type SearchReport, type Strategy } from "./epoch-search";
import { scheduleFor } from "./schedule";
import type { Execution } from "./search";
import { brief } from "../brief";
import { gilNote } from "./gil-switches";
import { interpreterOf } from "../../runtime/gil";
import { engineMessage } from "../messages/message";
import { withoutDeadlockLabel } from "../deadlock-words";
import { describeScenario } from "../describe";
import { exploreTasks, runTaskChoices } from "./task-explore";
import type { TaskStep } from "../../runtime/asyncio/task-schedule";

/** No bound of its own: the bound rises while the cap and the budget allow. */
export const DEFAULT_MAX_PREEMPTIONS = Number.POSITIVE_INFINITY;
export const DEFAULT_SCHEDULE_CAP = 5_000;
export const DEFAULT_BUDGET_MS = 10_000;
/** The whole run: the search's budget, and time to start the workers, shrink a failure and end. */
const RUN_MARGIN_MS = 30_000;
const PROGRESS_EVERY_MS = 200;


/** The controller: drives one gated run through a plan (drive.ts), or searches on one (epoch-search.ts). */
export interface Driver {
  drive(memory: SharedArrayBuffer, workers: number, plan: Plan): DriveReport | Promise<DriveReport>;
  search(memory: SharedArrayBuffer, workers: number, options: SearchOptions, progress: Int32Array): SearchReport | Promise<SearchReport>;
}

export interface ExploreProgress {
  readonly schedules: number;
  readonly bound: number;
  readonly strategy: Strategy;
}

export interface ExploreRequest {
  readonly js: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** What must hold after every schedule: a goal's check over `result` and `params`, and its words for when it breaks. */
  readonly promises?: readonly Goal[];
  readonly maxPreemptions?: number;
  readonly cap?: number;
  /** How long the whole search may take, from its start. */
  readonly budgetMs?: number;
  /** Whether random walk and PCT fill the budget when the bounded search proves nothing (default true). */
  readonly random?: boolean;
  /** Whether the search first tries every order with equivalent ones skipped, sleep sets (default true). */
  readonly reduce?: boolean;
  readonly seed?: number;
  readonly cancelled?: () => boolean;
  /** Told a few times a second while the search runs (in the browser; a Node search blocks its thread). */
  readonly progress?: (progress: ExploreProgress) => void;
  /** Default: the controller's calls on this thread, which must be allowed to block. */
  readonly driver?: Driver;
}

export interface Failure {
  /** `diverged`: a replayed schedule asked for a move the run did not offer. */
  readonly kind: "broken" | "error" | Parked["kind"];
  readonly message: string;
  readonly steps: readonly Step[];
  /** The run's shared objects, to name what each step touched. */
  readonly objects: readonly Allocation[];
  /** For a run under the GIL, why CPython could not run this schedule (gil-switches.ts); else null. */
  readonly gilNote: string | null;
  /** For an asyncio scenario, its steps by task (`steps` is then empty): lane 0 is the event loop. */
  readonly tasks: { readonly lanes: readonly string[]; readonly steps: readonly TaskStep[] } | null;
}

export interface FoundFailure extends Failure {
  readonly choices: readonly number[];
  readonly strategy: Strategy;
  readonly preemptions: number;
}

export interface ExploreResult {
  /** Schedules tried, over all strategies. */
  readonly schedules: number;
  /** The highest preemption bound searched (completely, when `exhaustive`). */
  readonly bound: number;
  readonly exhaustive: boolean;
  /** Every schedule at all was tried: the bound left none out. */
  readonly complete: boolean;
  /** Of `schedules`, those tried by random walk and PCT. */
  readonly randomSchedules: number;
  readonly failure: FoundFailure | null;
  /** Some run took another path on the same choices; the calls that can cause it, counted. */
  readonly nondeterminism: Nondeterminism | null;
  /** Moves not tried because an equivalent schedule had been run (sleep sets). */
  readonly equivalentSkipped: number;
}

export async function explore(pool: WorkerPool, request: ExploreRequest): Promise<ExploreResult> {
  if (await schedulesTasks(pool, request.js)) return exploreTasks(pool, request);
  const driver = request.driver ?? controllerCalls();
  const progress = new Int32Array(new SharedArrayBuffer(Progress.words * 4));
  const watching = setInterval(() => watch(request, progress), PROGRESS_EVERY_MS);
  let report: SearchReport | null = null;
  const budgetMs = request.budgetMs ?? DEFAULT_BUDGET_MS;
  const handle: RunHandle = startRun(pool, {
    js: request.js,
    params: request.params,
    goals: request.promises ?? [],
    epochs: true,
    timeLimitMs: budgetMs + RUN_MARGIN_MS,
    drive: async (memory, workers) => {
      report = await driver.search(memory, workers, searchOptions(request, memory, handle.objects, budgetMs), progress);
      if (report.stranded !== null) handle.stop();
    },
  });
  const outcome = await handle.outcome.finally(() => clearInterval(watching));
  const searched = report as SearchReport | null;
  if (searched === null) {
    // The run ended before any schedule: the scenario cannot load or set up.
    const failure = judge(outcome, request) ?? { kind: "error" as const, message: engineMessage("explore.endedFirst") };
    const first = { ...failure, steps: [], objects: [], gilNote: null, tasks: null, choices: [], strategy: "bounded" as const, preemptions: 0 };
    return { schedules: 0, bound: 0, exhaustive: false, complete: false, randomSchedules: 0, failure: first, nondeterminism: null, equivalentSkipped: 0 };
  }
  const { found, ...counts } = searched;
  if (found === null) return { ...counts, failure: null };
  const again = await runSchedule(pool, request, { prefix: found.choices });
  const failure: Failure = again.failure ?? {
    kind: "diverged",
    message: engineMessage("explore.failedOnlyInSearch", { cause: nondeterminismCause(counts.nondeterminism) }),
    steps: again.steps,
    objects: [],
    gilNote: null,
    tasks: null,
  };
  return { ...counts, failure: { ...failure, ...found } };
}

/** Whether the compiled scenario is in asyncio mode: its schedules order the loop's arrivals, not workers (task-explore.ts). */
export async function schedulesTasks(pool: WorkerPool, js: string): Promise<boolean> {
  const described = await describeScenario(pool, js);
  return described.ok && described.value.asyncio;
}


/** Which calls likely made runs go otherwise on the same choices, in words. */
export function nondeterminismCause(counted: Nondeterminism | null): string {
  const times = (count: number) => engineMessage("count.times", { count });
  const random = counted?.random ? engineMessage("explore.nondeterminism.random", { times: times(counted.random) }) : "";
  const clock = counted?.clock ? engineMessage("explore.nondeterminism.clock", { times: times(counted.clock) }) : "";
  if (!random && !clock) return engineMessage("explore.nondeterminism.unknown");
  const calls = random && clock ? engineMessage("explore.nondeterminism.both", { random, clock }) : random || clock;
  return engineMessage("explore.nondeterminism.called", { calls });
}

function searchOptions(request: ExploreRequest, memory: SharedArrayBuffer, objects: readonly Allocation[], budgetMs: number): SearchOptions {
  const start = layoutOf(new Int32Array(memory)).arenaStart;
  return {
    maxPreemptions: request.maxPreemptions ?? DEFAULT_MAX_PREEMPTIONS,
    cap: request.cap ?? DEFAULT_SCHEDULE_CAP,
    budgetMs,
    random: request.random ?? true,
    reduce: request.reduce ?? true,
    seed: request.seed ?? Date.now(),
    arena: { start, end: Math.max(start, ...objects.map((o) => o.index + o.words)) },
    objects: objects.map(({ index, words, kind }) => ({ index, words, kind })),
  };
}

/** Passes a cancel to the controller, and its progress to the page. */
function watch(request: ExploreRequest, progress: Int32Array): void {
  if (request.cancelled?.()) Atomics.store(progress, Progress.cancel, 1);
  request.progress?.({
    schedules: Atomics.load(progress, Progress.schedules),
    bound: Atomics.load(progress, Progress.bound),
    strategy: STRATEGIES[Atomics.load(progress, Progress.strategy)]!,
  });
}

/** One schedule run: its decisions, its steps, and what failed in it, if anything. */
export interface ScheduleRun extends Execution<Failure> {
  readonly steps: readonly Step[];
}

/** Runs one schedule, as `plan` says. */
export async function runSchedule(pool: WorkerPool, request: ExploreRequest, plan: Plan): Promise<ScheduleRun> {
  const driver = request.driver ?? controllerCalls();
  let report: DriveReport = { decisions: [], steps: [], parked: null };
  const handle: RunHandle = startRun(pool, {
    js: request.js,
    params: request.params,
    goals: request.promises ?? [],
    drive: async (memory, workers) => {
      report = await driver.drive(memory, workers, plan);
      const { parked } = report;
      if (parked === null) return;
      // Who is left waiting on what, from the memory before the workers go.
      const stuck = inspectMemory(memory, workers, handle.objects);
      if (parked.kind === "deadlock" && stuck) report = { ...report, parked: { kind: "deadlock", message: stuck.message } };
      // A body threw: the run ends with its error (the others are discarded with the run); the stuck ones are its consequence.
      if (parked.kind === "error") report = { ...report, parked: { kind: "error", message: stuck ? engineMessage("explore.then", { what: withoutDeadlockLabel(stuck.message) }) : "" } };
      // Otherwise its workers stay parked for good: stop the run, and the pool replaces them.
      else handle.stop();
    },
  });
  const outcome = await handle.outcome;
  const failure = report.parked?.kind === "error" ? withConsequence(judge(outcome, request), report.parked.message) : (report.parked ?? judge(outcome, request));
  const underGil = interpreterOf(new Int32Array(handle.memory)) === "gil";
  const found = failure ? { ...failure, steps: report.steps, objects: handle.objects, gilNote: underGil ? gilNote(report.steps) : null, tasks: null } : null;
  return { decisions: report.decisions, steps: report.steps, failure: found, diverged: false };
}

/** An error, and what it left the other workers in. */
function withConsequence(error: ReturnType<typeof judge>, consequence: string): ReturnType<typeof judge> {
  return error && consequence ? { ...error, message: engineMessage("explore.consequence", { error: error.message, consequence }) } : error;
}

export type ReplayResult = { readonly problem: string } | { readonly execution: ScheduleRun };

/**
 * Replays a schedule string (schedule.ts) on `source` with the request's
 * parameters: refused when the code or parameters changed since it was made.
 * An asyncio schedule's failure has its steps by task (`failure.tasks`).
 */
export async function replay(pool: WorkerPool, request: ExploreRequest, source: string, schedule: string): Promise<ReplayResult> {
  const found = scheduleFor(schedule, source, request.params);
  if ("problem" in found) return found;
  if ("steps" in found) return { execution: await runSchedule(pool, request, { steps: found.steps, complete: true }) };
  const { failure, report } = await runTaskChoices(pool, request, found.choices);
  // A position past the arrivals on offer: the run went otherwise than the one the schedule was made on.
  const diverged: Failure | null = report?.diverged
    ? { kind: "diverged", message: engineMessage("explore.arrivalNotOffered"), steps: [], objects: [], gilNote: null, tasks: { lanes: report.lanes, steps: report.steps } }
    : null;
  return { execution: { decisions: report?.decisions ?? [], steps: [], failure: diverged ?? failure, diverged: diverged !== null } };
}

function judge(outcome: RunOutcome, request: ExploreRequest): Omit<Failure, "steps" | "objects" | "gilNote" | "tasks"> | null {
  switch (outcome.status) {
    case "done": {
      const broken = brokenPromise(outcome.result, outcome.goals, request.promises ?? []);
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

/** The first promise a finished run broke, in words with the result that broke it, or null. */
export function brokenPromise(result: unknown, outcomes: readonly GoalOutcome[], promises: readonly Goal[]): string | null {
  for (const promise of promises) {
    const outcome = outcomes.find((o) => o.id === promise.id);
    if (outcome?.passed) continue;
    if (outcome?.error) return engineMessage("explore.checkThrew", { goal: promise.text, error: outcome.error, result: brief(result) });
    return engineMessage("explore.noLongerHolds", { goal: promise.text, result: brief(result) });
  }
  return null;
}
