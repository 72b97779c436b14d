/**
 * A lesson session: the state behind one lesson page, kept outside React
 * (components read it through `ui/hooks`). It owns the student's source,
 * what the scenario declares, the parameter values, the current run and the
 * history of runs, and which goals have been met.
 *
 * Every change replaces the snapshot object, so a subscriber can compare
 * snapshots by identity.
 */
import { checkParam, defaultParams, type ParamSpecs, type ParamValue } from "../runtime/params";
import type { ScenarioErrorInfo } from "../runtime/protocol";
import type { CompileError } from "./compile";
import { compiler } from "./compiler";
import { describeScenario } from "./describe";
import { readSharedValues, type SharedValue } from "./shared-values";
import { interpreterConfig } from "../runtime/gil";
import { RunTrace } from "./run-trace";
import type { TimelineModel } from "./timeline/model";
import { startRun, type LiveLine, type RunHandle, type RunOutcome } from "./run";
import type { WorkerPool } from "./pool";
import type { Goal } from "./course/lesson";
import { engineMessage } from "./messages/message";

export type Params = Readonly<Record<string, ParamValue>>;

export type Declared =
  | { readonly status: "pending" }
  | { readonly status: "ready"; readonly params: ParamSpecs; readonly asyncio: boolean }
  | { readonly status: "error"; readonly error: ScenarioErrorInfo | CompileError };

/** A finished run, or one refused before it started (bad code or parameters). */
export type RunRecord = {
  readonly index: number;
  /** The code that ran: an error's line refers to this text. */
  readonly source: string;
  readonly params: Params;
  readonly outcome: RunOutcome | { readonly status: "refused"; readonly message: string; readonly compile?: CompileError };
  /** The interpreter the run modelled; null when it never started. */
  readonly interpreter?: ReturnType<typeof interpreterConfig> | null;
  /** What its workers logged, line by line as they wrote it: all there is of a run stopped or stuck. */
  readonly consoleLines?: readonly LiveLine[];
};

export interface SessionSnapshot {
  readonly source: string;
  readonly declared: Declared;
  readonly params: Params;
  /** Messages for parameter values the scenario would refuse, by parameter. */
  readonly paramProblems: Readonly<Record<string, string>>;
  readonly running: { readonly startedAt: number } | null;
  readonly last: RunRecord | null;
  readonly history: readonly RunRecord[];
  /** Goals met by any run of this session (or restored from an earlier visit). */
  readonly goalsMet: ReadonlySet<string>;
}

export interface SessionOptions {
  readonly pool: WorkerPool;
  readonly goals: readonly Goal[];
  readonly timeLimitMs: number;
  readonly source: string;
  readonly params?: Params;
  readonly goalsMet?: Iterable<string>;
  /** Delay before re-reading the scenario's declarations after an edit. */
  readonly describeDelayMs?: number;
  /** The first reading of the declarations waits for this (the page has more urgent work first); a run reads them itself. */
  readonly describeWhen?: Promise<void>;
  /** A parameter's label as the page shows it (the lesson's translation), for what is said of a bad value; the declared label without it. */
  readonly paramLabel?: (name: string, declared: string) => string;
}

export const MAX_HISTORY = 50;

export class Session {
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<() => void>();
  private handle: RunHandle | null = null;
  private lastRun: RunHandle | null = null;
  /** Stop pressed while the run was still being prepared (no handle to stop yet). */
  private stopRequested = false;
  private trace: RunTrace | null = null;
  private finalTimeline: TimelineModel | null = null;
  private describeTimer: ReturnType<typeof setTimeout> | undefined;
  private describeGeneration = 0;
  /** The source whose declarations `snapshot.declared` holds. */
  private describedSource: string | null = null;
  private runCount = 0;
  /** Checked after each run; replaced when the playground's promise changes. */
  private goals: readonly Goal[];

  constructor(private readonly options: SessionOptions) {
    this.goals = options.goals;
    this.snapshot = {
      source: options.source,
      declared: { status: "pending" },
      params: options.params ?? {},
      paramProblems: {},
      running: null,
      last: null,
      history: [],
      goalsMet: new Set(options.goalsMet),
    };
    if (options.describeWhen) {
      void options.describeWhen.then(() => {
        if (this.describedSource === null) void this.describe();
      });
    } else void this.describe();
  }

  getSnapshot = (): SessionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setSource(source: string): void {
    this.update({ source });
    clearTimeout(this.describeTimer);
    this.describeTimer = setTimeout(() => void this.describe(), this.options.describeDelayMs ?? 300);
  }

  setParam(name: string, value: ParamValue): void {
    const params = { ...this.snapshot.params, [name]: value };
    this.update({ params, paramProblems: this.problemsOf(params) });
  }

  /** Starts a run with the current source and parameters; does nothing while one runs. */
  async run(): Promise<RunRecord | null> {
    if (this.snapshot.running) return null;
    this.stopRequested = false;
    this.update({ running: { startedAt: performance.now() } });
    const { compileScenario } = await compiler();
    const compiled = compileScenario(this.snapshot.source);
    if (!compiled.ok) return this.record(this.snapshot.source, this.snapshot.params, { status: "refused", message: compiled.error.message, compile: compiled.error });
    const { source, params, declared } = await this.inputs();
    if (declared.status === "error") return this.record(source, params, { status: "refused", message: declared.error.message });
    // Judged against the declarations just read: the snapshot's may still be the previous code's while a later describe runs.
    const problems = Object.values(this.problemsOf(params, declared));
    if (problems.length > 0) return this.record(source, params, { status: "refused", message: problems.join(" ") });
    if (this.stopRequested) {
      return this.record(source, params, { status: "stopped", reason: "stop", message: engineMessage("run.stoppedBeforeStart"), elapsedMs: 0 });
    }
    this.handle = this.lastRun = startRun(this.options.pool, {
      js: compiled.js,
      params,
      goals: this.goals,
      timeLimitMs: this.options.timeLimitMs,
    });
    this.trace = new RunTrace(this.handle);
    this.finalTimeline = null;
    const outcome = await this.handle.outcome;
    this.finalTimeline = this.trace.finish(outcome);
    const interpreter = this.handle.workerCount > 0 ? interpreterConfig(new Int32Array(this.handle.memory)) : null;
    const { consoleLines } = this.handle;
    this.handle = null;
    return this.record(source, params, outcome, interpreter, consoleLines);
  }

  /**
   * The current code with its parameters as that code declares them. A run, a
   * search or step mode started right after an edit must not use the previous
   * code's parameters: a schedule found with them would not replay on the page.
   */
  async inputs(): Promise<{ readonly source: string; readonly params: Params; readonly declared: Declared }> {
    const source = this.snapshot.source;
    // Re-read only if the code changed since its declarations were last read.
    const declared = this.describedSource === source ? this.snapshot.declared : await this.describe();
    // Fitted again: a describe overtaken by a later edit leaves the page's parameters as they were.
    return { source, params: declared.status === "ready" ? fitted(declared.params, this.snapshot.params) : this.snapshot.params, declared };
  }

  /** The goals later runs check. */
  setGoals(goals: readonly Goal[]): void {
    this.goals = goals;
  }

  /** Marks goals met elsewhere (a step goal, reached in step mode). */
  markGoals(ids: Iterable<string>): void {
    const goalsMet = new Set(this.snapshot.goalsMet);
    for (const id of ids) goalsMet.add(id);
    if (goalsMet.size !== this.snapshot.goalsMet.size) this.update({ goalsMet });
  }

  stop(): void {
    if (this.snapshot.running) this.stopRequested = true;
    this.handle?.stop();
  }

  /** The timeline of the current run (drained from its trace now), or of the last one. */
  timeline(): TimelineModel | null {
    return this.handle ? (this.trace?.poll() ?? null) : this.finalTimeline;
  }

  /** What the current run's workers have logged so far; empty between runs (a finished run's record has its lines). */
  liveConsole(): readonly LiveLine[] {
    return this.handle?.consoleLines ?? [];
  }

  /** The shared objects of the current or last run, read now; empty before any run. */
  sharedObjectCount(): number {
    return this.lastRun?.objects.length ?? 0;
  }

  sharedValues(limit = Infinity): SharedValue[] {
    return this.lastRun ? readSharedValues(this.lastRun.memory, this.lastRun.objects.slice(0, limit)) : [];
  }

  dispose(): void {
    this.stop();
    clearTimeout(this.describeTimer);
    this.listeners.clear();
  }

  private record(source: string, params: Params, outcome: RunRecord["outcome"], interpreter: RunRecord["interpreter"] = null, consoleLines: readonly LiveLine[] = []): RunRecord {
    const record: RunRecord = { index: ++this.runCount, source, params, outcome, interpreter, consoleLines };
    const goalsMet = new Set(this.snapshot.goalsMet);
    if (outcome.status === "done") for (const goal of outcome.goals) if (goal.passed) goalsMet.add(goal.id);
    this.update({
      running: null,
      last: record,
      history: [...this.snapshot.history, record].slice(-MAX_HISTORY),
      goalsMet,
    });
    return record;
  }

  /** Re-reads the scenario's declared parameters; keeps the student's values that still fit. */
  private async describe(): Promise<Declared> {
    const generation = ++this.describeGeneration;
    const source = this.snapshot.source;
    const compiled = (await compiler()).compileScenario(source);
    let declared: Declared;
    if (!compiled.ok) declared = { status: "error", error: compiled.error };
    else {
      const described = await describeScenario(this.options.pool, compiled.js);
      declared = described.ok ? { status: "ready", params: described.value.params, asyncio: described.value.asyncio } : { status: "error", error: described.error };
    }
    if (generation !== this.describeGeneration) return declared;
    this.describedSource = source;
    if (declared.status !== "ready") {
      this.update({ declared });
      return declared;
    }
    const params = fitted(declared.params, this.snapshot.params);
    this.update({ declared, params, paramProblems: this.problemsOf(params, declared) });
    return declared;
  }

  private problemsOf(params: Params, declared = this.snapshot.declared): Record<string, string> {
    if (declared.status !== "ready") return {};
    const problems: Record<string, string> = {};
    for (const [name, spec] of Object.entries(declared.params)) {
      const label = this.options.paramLabel?.(name, spec.label ?? name);
      const problem = checkParam(name, label === undefined ? spec : { ...spec, label }, params[name]);
      if (problem !== null) problems[name] = problem;
    }
    return problems;
  }

  private update(change: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

/** The scenario's defaults, with the student's values that still fit what it declares. */
function fitted(specs: ParamSpecs, values: Params): Params {
  const params = { ...defaultParams(specs) };
  for (const [name, value] of Object.entries(values)) {
    const spec = specs[name];
    if (spec && (spec.kind === "int" ? typeof value === "number" : spec.options.includes(String(value)))) params[name] = value;
  }
  return params;
}
