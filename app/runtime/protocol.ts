/**
 * The messages between the engine (page) and a runner worker: the runner's
 * methods, called over comlink, and the plain-data values they return.
 * Errors cross as data (never thrown across the boundary) so that every one
 * arrives with its worker and line.
 */
import type { ConsoleOutput } from "./console-capture";
import type { ParamSpecs, ParamValue } from "./params";
import type { Allocation } from "./memory";
import type { Paused, TaskDecision, TaskSchedulePlan, TaskStep } from "./asyncio/task-schedule";
import type { Language } from "./i18n/languages";

/** Which step of a run an error came from. */
export type Phase = "load" | "setup" | "worker" | "result" | "goal";

export interface ScenarioErrorInfo {
  readonly name: string;
  readonly message: string;
  readonly phase: Phase;
  readonly workerId?: number;
  /** 1-based line and column in the scenario source, when the stack names them. */
  readonly line?: number;
  readonly column?: number;
  /** What the failing body had written to the console (console-capture.ts): most wanted when a run fails. */
  readonly console?: ConsoleOutput;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ScenarioErrorInfo };

/** What the page needs to know about a scenario before running it. */
export interface Description {
  readonly params: ParamSpecs;
  /** Declared with defineAsyncScenario: step mode and Explore schedule its tasks, not workers. */
  readonly asyncio: boolean;
}

export interface PrepareRequest {
  /** The compiled scenario: CommonJS-style JavaScript, lines as in the source. */
  readonly js: string;
  readonly memory: SharedArrayBuffer;
  readonly workerId: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** True for exactly one worker, which writes the shared objects' initial values. */
  readonly init: boolean;
  /** The run's start on the shared clock (ms, `timeOrigin + now`): time zero of `ctx.now()` and the timeline. */
  readonly origin: number;
  /** A gated run: every scheduling point waits for the controller's grant (turnstile.ts). */
  readonly gated?: boolean;
  /** Explore's gated run: the bodies repeat, one epoch per schedule, and worker 0 checks these goals after each (epochs.ts). */
  readonly epochs?: { readonly goals: readonly GoalCheck[] };
  /** The page's language, which the worker's messages speak from now on (English when omitted). */
  readonly language?: Language;
}

/** What preparing a worker tells the engine: how many workers to start, and the shared objects' places. */
export interface Prepared {
  readonly workers: number;
  readonly objects: readonly Allocation[];
}

/** One worker body's run, timestamps in ms on the shared clock (`timeOrigin + now`). */
export interface BodyReport {
  readonly startedAt: number;
  readonly finishedAt: number;
  /** What the body left for the student without failing (run-notes.ts). */
  readonly notes: readonly string[];
  /** What scenario code wrote to the console on this worker (console-capture.ts). */
  readonly console: ConsoleOutput;
}

/** A goal as the lesson declares it: `check` is a JavaScript expression over `result` and `params`. */
export interface GoalCheck {
  readonly id: string;
  readonly check: string;
}

export interface GoalOutcome {
  readonly id: string;
  readonly passed: boolean;
  readonly error?: string;
}

export interface Finish {
  readonly result: unknown;
  readonly goals: readonly GoalOutcome[];
}

/** How one schedule of an asyncio scenario ended (runTaskSchedule). */
export type TaskEnding =
  | { readonly kind: "done"; readonly result: unknown; readonly goals: readonly GoalOutcome[]; readonly notes: readonly string[] }
  | { readonly kind: "deadlock"; readonly message: string }
  | { readonly kind: "error"; readonly error: ScenarioErrorInfo }
  /** Step mode stopped it, as its plan asked: where it stands. */
  | ({ readonly kind: "paused" } & Paused);

/** One schedule of an asyncio scenario: its choices, its steps when recorded, and how it ended. */
export interface TaskScheduleReport {
  readonly decisions: readonly TaskDecision[];
  readonly steps: readonly TaskStep[];
  readonly lanes: readonly string[];
  readonly ending: TaskEnding;
  /** The run met other arrivals than its prefix was chosen among: the scenario is not deterministic. */
  readonly diverged: boolean;
  /** Calls of Math.random and Date.now during the schedule: its path may depend on them. */
  readonly nondeterminism: { readonly random: number; readonly clock: number };
}

export interface RunnerApi {
  /** Answers once the worker has started: a cold worker takes seconds to load in Node, and a moment in a browser. */
  ping(): true;
  /** `language`: the page's, which the worker's messages speak from now on (English when omitted). */
  describe(js: string, language?: Language): Promise<Outcome<Description>>;
  prepare(request: PrepareRequest): Promise<Outcome<Prepared>>;
  /** Waits at the start gate with the run's other `workerCount - 1` workers, then runs the body. */
  runBody(workerCount: number): Promise<Outcome<BodyReport>>;
  finish(goals: readonly GoalCheck[]): Outcome<Finish>;
  /** After `prepare` of an asyncio scenario: runs `main` once more, on its own loop, through the plan's choices (step mode, Explore). */
  runTaskSchedule(plan: TaskSchedulePlan, goals: readonly GoalCheck[]): Promise<Outcome<TaskScheduleReport>>;
}

/** A console line a worker sends as it is written, beside comlink's messages (which carry an id; this does not). */
export interface LiveConsoleLine {
  readonly liveConsole: true;
  readonly worker: number;
  readonly line: string;
}

export function isLiveConsoleLine(data: unknown): data is LiveConsoleLine {
  return typeof data === "object" && data !== null && (data as Partial<LiveConsoleLine>).liveConsole === true;
}

/** The file name scenario code is evaluated under; stack frames name it. */
export const SCENARIO_FILE = "scenario.ts";

export function workerName(id: number): string {
  return id < 26 ? String.fromCharCode(65 + id) : `W${id + 1}`;
}
