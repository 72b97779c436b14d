/**
 * Explore over asyncio tasks: the same verdicts as for threads, on the
 * loop's choice points (runtime/asyncio/arrivals.ts: which I/O arrives
 * first, whether a timeout fires before what it guards) rather than on
 * which worker moves. The ready queue's FIFO order is never varied, so no
 * schedule is one CPython could not run.
 *
 * Order: the preemption-bounded search with a rising bound (search.ts; an
 * arrival other than the nominal one is one preemption), which proves a
 * small program with every schedule; then random walks until the budget
 * ends. A failure found at random is shrunk: each of its out-of-order
 * arrivals is put back to nominal while the run still fails the same way.
 * Each schedule runs `main` again on one runner worker (task-runs.ts); the
 * found one runs once more with its steps recorded, for the swimlanes.
 */
import type { TaskScheduleReport } from "../../runtime/protocol";
import type { WorkerPool } from "../pool";
import { DEFAULT_BUDGET_MS, DEFAULT_MAX_PREEMPTIONS, DEFAULT_SCHEDULE_CAP, brokenPromise, type ExploreRequest, type ExploreResult, type Failure, type FoundFailure } from "./explore";
import { preemptions, searchBoundedAsync, type Execution, type Prefix } from "./search";
import type { Strategy } from "./epoch-search";
import { TaskRuns, atLine, type TaskRunOutcome } from "./task-runs";
import { engineMessage } from "../messages/message";

/** What failed in a task schedule, in words, and what must fail again in a shrunk schedule: the same kind and signature. */
export interface TaskFailing {
  readonly kind: Failure["kind"];
  readonly message: string;
  /** The error's class and message, the broken promise's id, the deadlock's words: not the result, which shrinking changes. */
  readonly signature: string;
}

const PROGRESS_EVERY_MS = 200;

export async function exploreTasks(pool: WorkerPool, request: ExploreRequest): Promise<ExploreResult> {
  const goals = (request.promises ?? []).map(({ id, check }) => ({ id, check }));
  const opened = await TaskRuns.open(pool, request.js, request.params, goals);
  if ("error" in opened) {
    const { name, message, line } = opened.error;
    return nothingRun({ kind: "error", message: atLine(`${name}: ${message}`, line) });
  }
  try {
    return await new TaskSearch(opened, request).run();
  } finally {
    opened.close();
  }
}

/** Runs one schedule string's choices again with its steps recorded (replay, share links, a found failure). */
export async function runTaskChoices(pool: WorkerPool, request: ExploreRequest, choices: readonly number[]): Promise<{ readonly failure: Failure | null; readonly report: TaskScheduleReport | null }> {
  const goals = (request.promises ?? []).map(({ id, check }) => ({ id, check }));
  const opened = await TaskRuns.open(pool, request.js, request.params, goals);
  if ("error" in opened) return { failure: failureOf({ kind: "error", message: `${opened.error.name}: ${opened.error.message}` }, null), report: null };
  try {
    const outcome = await opened.run({ prefix: choices, record: true });
    if ("stuck" in outcome) return { failure: failureOf({ kind: "stuck", message: outcome.stuck }, null), report: null };
    const judged = judgeTask(outcome.report, request);
    return { failure: judged ? failureOf(judged, outcome.report) : null, report: outcome.report };
  } finally {
    opened.close();
  }
}

class TaskSearch {
  private readonly started = performance.now();
  private readonly budgetMs: number;
  private readonly cap: number;
  private schedules = 0;
  private randomSchedules = 0;
  private bound = 0;
  private strategy: Strategy = "bounded";
  private diverged = false;
  /** Calls of Math.random and Date.now over the search: a path that may depend on them voids any claim of completeness. */
  private readonly nondeterminism = { random: 0, clock: 0 };
  private stuck: string | null = null;
  private lastShown = 0;

  constructor(
    private readonly runs: TaskRuns,
    private readonly request: ExploreRequest,
  ) {
    this.budgetMs = request.budgetMs ?? DEFAULT_BUDGET_MS;
    this.cap = request.cap ?? DEFAULT_SCHEDULE_CAP;
  }

  async run(): Promise<ExploreResult> {
    const bounded = await this.boundedPhase();
    let found = bounded.found;
    if (!found && !bounded.complete && !this.diverged && this.stuck === null && (this.request.random ?? true)) found = await this.randomPhase();
    const unsure = this.diverged || this.nondeterminism.random + this.nondeterminism.clock > 0;
    const counts = {
      schedules: this.schedules,
      bound: bounded.bound,
      exhaustive: bounded.exhaustive && !unsure,
      complete: bounded.complete && !unsure,
      randomSchedules: this.randomSchedules,
      nondeterminism: unsure ? { ...this.nondeterminism } : null,
      equivalentSkipped: 0,
    };
    if (this.stuck !== null) return { ...counts, failure: { ...failureOf({ kind: "stuck", message: this.stuck }, null), choices: [], strategy: this.strategy, preemptions: 0 } };
    if (!found) return { ...counts, failure: null };
    return { ...counts, failure: await this.shown(found) };
  }

  /** Every schedule with no out-of-order arrival, then at most 1, 2... while the cap and the time allow. */
  private async boundedPhase(): Promise<{ found: Found | null; bound: number; exhaustive: boolean; complete: boolean }> {
    let proved = -1;
    const seen = new Map<string, Execution<unknown>>();
    const maxBound = this.request.maxPreemptions ?? DEFAULT_MAX_PREEMPTIONS;
    const random = this.request.random ?? true;
    // A search that may go on at random takes half the budget here; one that may not is out to prove, and takes it all.
    const until = random ? this.budgetMs / 2 : this.budgetMs;
    for (this.bound = 0; this.bound <= maxBound; this.bound++) {
      this.show();
      const result = await searchBoundedAsync<TaskFailing>(this.bound, (prefix) => this.execute(prefix), {
        cap: this.cap - this.schedules,
        cancelled: () => this.stopped(until),
        seen,
      });
      if (result.found) return { found: { ...result.found, strategy: "bounded" }, bound: this.bound, exhaustive: false, complete: false };
      if (!result.exhaustive || result.diverged) return { found: null, bound: Math.max(proved, 0), exhaustive: proved >= 0, complete: false };
      proved = this.bound;
      if (!result.pruned) return { found: null, bound: proved, exhaustive: true, complete: true };
    }
    return { found: null, bound: proved, exhaustive: true, complete: false };
  }

  /** Random walks over the arrivals until the budget ends. */
  private async randomPhase(): Promise<Found | null> {
    this.strategy = "random walk";
    const seed = this.request.seed ?? Date.now();
    while (!this.stopped(this.budgetMs)) {
      this.show();
      const run = await this.execute({ positions: [], keys: [] }, seed + this.randomSchedules);
      this.randomSchedules++;
      if (run.failure) return this.shrunk(run.decisions.map((d) => d.position), run.failure);
      if (this.stuck !== null) return null;
    }
    return null;
  }

  /** Puts each out-of-order arrival back to nominal, while the schedule still fails the same way. */
  private async shrunk(choices: number[], failure: TaskFailing): Promise<Found> {
    let changed = true;
    while (changed && this.stuck === null) {
      changed = false;
      for (let i = choices.length - 1; i >= 0; i--) {
        if (choices[i] === 0) continue;
        const tried = choices.slice(0, i + 1);
        tried[i] = 0;
        const run = await this.execute({ positions: tried, keys: [] });
        if (run.failure?.kind === failure.kind && run.failure.signature === failure.signature) {
          choices = run.decisions.map((d) => d.position);
          changed = true;
        }
      }
    }
    return { choices, failure, strategy: this.strategy };
  }

  private async execute(prefix: Prefix, seed?: number): Promise<Execution<TaskFailing>> {
    this.schedules++;
    const outcome: TaskRunOutcome = await this.runs.run({ prefix: prefix.positions, keys: prefix.keys.length > 0 ? prefix.keys : undefined, seed });
    if ("stuck" in outcome) {
      this.stuck = outcome.stuck;
      return { decisions: [], failure: null, diverged: false };
    }
    const { report } = outcome;
    this.diverged ||= report.diverged;
    this.nondeterminism.random += report.nondeterminism.random;
    this.nondeterminism.clock += report.nondeterminism.clock;
    return { decisions: report.decisions, failure: judgeTask(report, this.request), diverged: report.diverged };
  }

  /** The found schedule run again with its steps recorded, to say what failed and where. */
  private async shown(found: Found): Promise<FoundFailure> {
    const outcome = await this.runs.run({ prefix: found.choices, record: true });
    const count = (report: TaskScheduleReport) => preemptions(report.decisions);
    const meta = { choices: found.choices, strategy: found.strategy, preemptions: 0 };
    if ("stuck" in outcome) return { ...failureOf({ kind: "stuck", message: outcome.stuck }, null), ...meta };
    const again = judgeTask(outcome.report, this.request);
    const failure = again ?? { kind: "diverged" as const, message: engineMessage("explore.failedOnlyInSearch", { cause: engineMessage("explore.timeOrRandomness") }) };
    return { ...failureOf(failure, outcome.report), ...meta, preemptions: count(outcome.report) };
  }

  private stopped(untilMs: number): boolean {
    return this.stuck !== null || this.schedules >= this.cap || performance.now() - this.started >= untilMs || (this.request.cancelled?.() ?? false);
  }

  private show(): void {
    const now = performance.now();
    if (now - this.lastShown < PROGRESS_EVERY_MS && this.schedules > 0) return;
    this.lastShown = now;
    this.request.progress?.({ schedules: this.schedules, bound: this.bound, strategy: this.strategy });
  }
}

interface Found {
  readonly choices: readonly number[];
  readonly failure: TaskFailing;
  readonly strategy: Strategy;
}

/** What failed in a schedule: an error, a deadlock, a broken promise, or what the loop reports (a leaked task...); null when none. */
export function judgeTask(report: TaskScheduleReport, request: Pick<ExploreRequest, "promises">): TaskFailing | null {
  const { ending } = report;
  switch (ending.kind) {
    case "deadlock":
      return { kind: "deadlock", message: ending.message, signature: ending.message };
    case "error": {
      const { name, message, line } = ending.error;
      return { kind: "error", message: atLine(`${name}: ${message}`, line), signature: `${name}: ${message}` };
    }
    case "paused":
      return null;
    case "done": {
      const broken = brokenPromise(ending.result, ending.goals, request.promises ?? []);
      if (broken !== null) return { kind: "broken", message: broken, signature: ending.goals.find((g) => !g.passed)?.id ?? broken };
      return ending.notes.length > 0 ? { kind: "broken", message: ending.notes.join(" "), signature: ending.notes.join(" ") } : null;
    }
  }
}

function failureOf({ kind, message }: Pick<TaskFailing, "kind" | "message">, report: TaskScheduleReport | null): Failure {
  return { kind, message, steps: [], objects: [], gilNote: null, tasks: report ? { lanes: report.lanes, steps: report.steps } : null };
}

function nothingRun(failure: Pick<TaskFailing, "kind" | "message">): ExploreResult {
  const first = { ...failureOf(failure, null), choices: [], strategy: "bounded" as const, preemptions: 0 };
  return { schedules: 0, bound: 0, exhaustive: false, complete: false, randomSchedules: 0, failure: first, nondeterminism: null, equivalentSkipped: 0 };
}
