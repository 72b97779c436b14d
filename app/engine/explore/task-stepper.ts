/**
 * Step mode for an asyncio scenario: the student steps the tasks one task
 * step at a time (from a task's resumption to its next await, as in
 * CPython's `Task.__step`) and, where the loop has a choice (which I/O
 * arrives first, whether time jumps past an I/O still out), picks the
 * arrival. The order of ready tasks is CPython's and is never offered.
 *
 * A run is deterministic given the positions chosen, so nothing stays open
 * between clicks: each one runs `main` again from the start on one warm
 * runner (task-runs.ts) through the choices so far, stopping after the
 * next task step or at the next choice. A run takes about a millisecond.
 *
 * A schedule (Explore's found choices, a share link's) opens as a plan, as
 * in the threads' step mode (stepper.ts): "Next step" takes the plan's
 * arrival at each choice, Play takes them all, and choosing another
 * arrival takes over.
 */
import type { ParamValue } from "../../runtime/params";
import type { TaskEnding, TaskScheduleReport } from "../../runtime/protocol";
import type { OfferedArrival, TaskSchedulePlan, TaskStep } from "../../runtime/asyncio/task-schedule";
import type { Goal } from "../course/lesson";
import type { WorkerPool } from "../pool";
import { compiler } from "../compiler";
import { Store } from "../store";
import { TASK_SCHEDULE_LIMIT_MS, TaskRuns, type TaskRunOutcome } from "./task-runs";
import { atLine } from "./task-runs";
import { engineMessage } from "../messages/message";

export interface TaskStepRequest {
  readonly source: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Checked when `main` returns: the lesson's step goals and its invariant. */
  readonly goals: readonly Goal[];
}

/** Where stepping begins on a plan: after its first so many task steps, or at its end. */
export type TaskStepStart = number | "end";

export interface CheckedGoal {
  readonly goal: Goal;
  readonly passed: boolean;
  readonly error?: string;
}

/** How a stepped run ended. */
export type TaskOutcome =
  | { readonly kind: "done"; readonly result: unknown; readonly goals: readonly CheckedGoal[]; readonly notes: readonly string[] }
  | { readonly kind: "error"; readonly message: string; readonly line: number | null }
  | { readonly kind: "deadlock"; readonly message: string };

export type TaskStepSnapshot =
  | { readonly status: "off" }
  | { readonly status: "starting" }
  | { readonly status: "refused"; readonly message: string }
  | {
      readonly status: "stepping" | "ended";
      readonly params: Readonly<Record<string, ParamValue>>;
      /** "event loop", then the tasks in the order they were created, main first. */
      readonly lanes: readonly string[];
      /** Where each task stands ("ready", "awaits I/O of 0.1 s", "done"), in the order of `lanes` after the loop's; empty once ended. */
      readonly standing: readonly string[];
      /** The swimlanes' rows so far: task steps, and in lane 0 the arrivals the loop chose among others. */
      readonly steps: readonly TaskStep[];
      readonly taskSteps: number;
      /** The arrivals the loop may take now, the nominal one first: the student's choice; empty between choices. */
      readonly offered: readonly OfferedArrival[];
      /** The positions taken at the loop's choices so far. */
      readonly choices: readonly number[];
      /** While the student follows a plan: the position it takes at the next choice, and how many task steps it runs in all. */
      readonly plan: { readonly next: number; readonly steps: number } | null;
      /** The student has made a choice of their own, not the plan's (or stepped with no plan). */
      readonly byHand: boolean;
      readonly playing: boolean;
      readonly canUndo: boolean;
      readonly outcome: TaskOutcome | null;
      /** A task that never awaits, or a run that went otherwise on the same choices. */
      readonly problem: string | null;
    };

/** Where the student is: the choices taken, and how many task steps to run through them. */
interface Position {
  readonly choices: readonly number[];
  readonly steps: number;
}

const START: Position = { choices: [], steps: 0 };

export class TaskStepper extends Store<TaskStepSnapshot> {
  private runs: TaskRuns | null = null;
  private request: TaskStepRequest | null = null;
  private js = "";
  /** The schedule being followed, as its positions; null without one. */
  private plan: readonly number[] | null = null;
  private planSteps = 0;
  private at: Position = START;
  /** Positions before each move, for Undo. */
  private history: Position[] = [];
  private playing = false;
  /** A run is under way: other moves wait their turn. */
  private busy = false;
  /** Bumped by every start and close, so that the replies of an earlier one are ignored. */
  private generation = 0;

  constructor(
    private readonly pool: WorkerPool,
    /** How long one run may hold the loop before its task is reported as never awaiting. */
    private readonly limitMs = TASK_SCHEDULE_LIMIT_MS,
  ) {
    super({ status: "off" });
  }

  get active(): boolean {
    const { status } = this.getSnapshot();
    return status !== "off" && status !== "refused";
  }

  /** Opens step mode on `request`, following `plan` (positions at the loop's choices) from `from`. */
  async start(request: TaskStepRequest, plan: readonly number[] | null = null, from: TaskStepStart = 0): Promise<void> {
    this.close();
    const generation = this.generation;
    // The compiler may still be loading: step mode left meanwhile stays left.
    const { compiledOrRefusal } = await compiler();
    if (generation !== this.generation) return;
    const compiled = compiledOrRefusal(request.source);
    if ("refused" in compiled) return this.set({ status: "refused", message: compiled.refused });
    this.set({ status: "starting" });
    this.request = request;
    this.js = compiled.js;
    this.plan = plan;
    this.history = [];
    this.at = START;
    this.busy = true;
    try {
      const opened = await this.open();
      if (generation !== this.generation) return;
      if (typeof opened === "string") return this.set({ status: "refused", message: opened });
      const begin = plan === null ? START : await this.beginOnPlan(plan, from);
      if (generation === this.generation && begin !== null) await this.show(begin);
    } catch (thrown) {
      if (generation === this.generation) this.set({ status: "refused", message: thrown instanceof Error ? thrown.message : String(thrown) });
    } finally {
      if (generation === this.generation) this.busy = false;
    }
  }

  /** The next task step; at a choice, the plan's arrival (the nominal one without a plan). */
  next(): Promise<boolean> {
    const now = this.getSnapshot();
    if (now.status !== "stepping") return Promise.resolve(false);
    if (now.offered.length > 0) return this.choose(now.plan?.next ?? 0);
    return this.move({ choices: this.at.choices, steps: now.taskSteps + 1 });
  }

  /** Takes the offered arrival at `position`, and the task step after it. */
  choose(position: number): Promise<boolean> {
    const now = this.getSnapshot();
    if (now.status !== "stepping" || position >= now.offered.length) return Promise.resolve(false);
    return this.move({ choices: [...this.at.choices, position], steps: now.taskSteps + 1 });
  }

  /** Every later choice nominal (or the plan's, while following it), until `main` returns or the loop deadlocks. */
  async runToEnd(): Promise<void> {
    if (this.getSnapshot().status !== "stepping") return;
    await this.move(this.following() ? { choices: this.plan!, steps: Number.POSITIVE_INFINITY } : { ...this.at, steps: Number.POSITIVE_INFINITY });
  }

  /** Takes the plan's steps one after another, `delayMs` apart, until the end, a pause, or a choice of the student's. */
  async play(delayMs: number): Promise<void> {
    if (this.playing) return;
    const generation = this.generation;
    this.setPlaying(true);
    while (this.playing && generation === this.generation && this.following() && (await this.next())) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    if (generation === this.generation) this.setPlaying(false);
  }

  pause(): void {
    this.setPlaying(false);
  }

  /** Back to where the last move began; entered mid-plan, back one task step. */
  async undo(): Promise<void> {
    const now = this.getSnapshot();
    if (this.busy || (now.status !== "stepping" && now.status !== "ended")) return;
    const back = this.history.pop() ?? (now.taskSteps > 0 ? { choices: this.at.choices, steps: now.taskSteps - 1 } : null);
    if (back !== null) await this.run(back);
  }

  /** Starts over; a plan is offered again from its start. */
  async restart(): Promise<void> {
    if (this.busy || this.request === null) return;
    this.history = [];
    await this.run(START);
  }

  /** Leaves step mode, giving the runner back. */
  close(): void {
    this.generation++;
    this.busy = false;
    this.playing = false;
    this.runs?.close();
    this.runs = null;
    this.set({ status: "off" });
  }

  private async move(to: Position): Promise<boolean> {
    if (this.busy) return false;
    const from = this.at;
    const moved = await this.run(to);
    if (moved) this.history.push(from);
    return moved;
  }

  /** Runs to `to` and shows it, unless another run is under way; false when none ran. */
  private async run(to: Position): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    const generation = this.generation;
    try {
      await this.show(to);
      return generation === this.generation;
    } catch (thrown) {
      // The runner failed (it worked a click ago, on the same code): say so rather than leave the page waiting.
      if (generation === this.generation) this.stuck(engineMessage("tasks.failed", { error: thrown instanceof Error ? thrown.message : String(thrown) }));
      return false;
    } finally {
      if (generation === this.generation) this.busy = false;
    }
  }

  /** Where a plan is entered: its whole run tells how many task steps it takes, and where `from` is. */
  private async beginOnPlan(plan: readonly number[], from: TaskStepStart): Promise<Position | null> {
    const whole = await this.report({ prefix: plan, record: true });
    if ("stuck" in whole) return this.stuck(whole.stuck);
    this.planSteps = taskStepsOf(whole.report);
    if (from === "end") return { choices: positionsOf(whole.report), steps: this.planSteps };
    if (from === 0) return START;
    // Only the plan's choices made before that step: a choice after it is the student's to make.
    const before = await this.report({ prefix: plan, stopAfterSteps: from });
    if ("stuck" in before) return this.stuck(before.stuck);
    return { choices: positionsOf(before.report), steps: from };
  }

  /** Runs `main` through `to`'s choices, stopping after its task steps or at the next choice, and shows where it stands. */
  private async show(to: Position): Promise<void> {
    const generation = this.generation;
    const { report, stuck } = await this.reportAt(to);
    if (generation !== this.generation) return;
    if (report === null) return void this.stuck(stuck!);
    const { ending } = report;
    const taskSteps = taskStepsOf(report);
    // The choices the run came to: a position the run stopped before is not taken yet.
    const choices = ending.kind === "paused" && ending.offered.length === 0 ? to.choices.slice(0, report.decisions.length) : positionsOf(report);
    // Stopped at a choice, the run was bound for a step beyond it: Undo back here must stop there again.
    this.at = { choices, steps: ending.kind === "paused" && ending.offered.length > 0 ? to.steps : taskSteps };
    const following = this.plan !== null && choices.every((p, i) => p === (this.plan![i] ?? 0));
    const diverged = report.diverged ? engineMessage("explore.arrivalNotOffered") : null;
    const problem = stuck ?? diverged;
    const paused = ending.kind === "paused" ? ending : null;
    this.set({
      status: paused !== null && problem === null ? "stepping" : "ended",
      params: this.request!.params,
      lanes: report.lanes,
      standing: paused?.standing ?? [],
      steps: report.steps,
      taskSteps,
      offered: problem === null ? (paused?.offered ?? []) : [],
      choices,
      plan: following ? { next: this.plan![choices.length] ?? 0, steps: this.planSteps } : null,
      byHand: (choices.length > 0 || taskSteps > 0) && !following,
      playing: this.playing,
      canUndo: this.history.length > 0 || taskSteps > 0,
      outcome: this.outcomeOf(ending),
      problem,
    });
  }

  /**
   * The run through `to`. A run stopped after a step cannot tell whether any
   * step is left: the run with one step more says, so that the student sees
   * how it ends (or that the next step never awaits) at once, not one click
   * later.
   */
  private async reportAt(to: Position): Promise<{ readonly report: TaskScheduleReport | null; readonly stuck: string | null }> {
    const through = (steps: number): TaskSchedulePlan =>
      Number.isFinite(steps) ? { prefix: to.choices, record: true, stopAfterSteps: steps, pauseAtChoice: true } : { prefix: to.choices, record: true };
    const ran = await this.report(through(to.steps));
    if ("stuck" in ran) return { report: null, stuck: ran.stuck };
    const { ending } = ran.report;
    if (ending.kind !== "paused" || ending.offered.length > 0 || to.steps === 0) return { report: ran.report, stuck: null };
    const ahead = await this.report(through(to.steps + 1));
    if ("stuck" in ahead) return { report: ran.report, stuck: ahead.stuck };
    return { report: ahead.report.ending.kind === "paused" ? ran.report : ahead.report, stuck: null };
  }

  /** One run; after one whose task held the loop, the runner is gone, and the next run opens a fresh one. */
  private async report(plan: TaskSchedulePlan): Promise<TaskRunOutcome> {
    if (this.runs === null) {
      const opened = await this.open();
      if (typeof opened === "string") throw new Error(opened);
    }
    const outcome = await this.runs!.run(plan);
    if ("stuck" in outcome) {
      this.runs!.close();
      this.runs = null;
    }
    return outcome;
  }

  /** A runner prepared for the scenario; the scenario's error in words when it cannot load or set up. */
  private async open(): Promise<true | string> {
    const goals = this.request!.goals.map(({ id, check }) => ({ id, check }));
    const opened = await TaskRuns.open(this.pool, this.js, this.request!.params, goals, this.limitMs);
    if (!("error" in opened)) {
      this.runs = opened;
      return true;
    }
    const { name, message, line } = opened.error;
    return atLine(`${name}: ${message}`, line);
  }

  /** Stepping ends with `problem` where it stands (refused, while starting); null for the callers that would go on. */
  private stuck(problem: string): null {
    const now = this.getSnapshot();
    if (now.status === "stepping" || now.status === "ended") this.set({ ...now, status: "ended", offered: [], problem, canUndo: true });
    else this.set({ status: "refused", message: problem });
    return null;
  }

  private outcomeOf(ending: TaskEnding): TaskOutcome | null {
    switch (ending.kind) {
      case "paused":
        return null;
      case "deadlock":
        return ending;
      case "error":
        return { kind: "error", message: `${ending.error.name}: ${ending.error.message}`, line: ending.error.line ?? null };
      case "done": {
        const goals = this.request!.goals.map((goal) => {
          const checked = ending.goals.find((g) => g.id === goal.id);
          return { goal, passed: checked?.passed ?? false, ...(checked?.error ? { error: checked.error } : {}) };
        });
        return { kind: "done", result: ending.result, goals, notes: ending.notes };
      }
    }
  }

  /** Whether the choices so far are the plan's (every one past its end nominal). */
  private following(): boolean {
    const now = this.getSnapshot();
    return (now.status === "stepping" || now.status === "ended") && now.plan !== null;
  }

  private setPlaying(playing: boolean): void {
    this.playing = playing;
    const now = this.getSnapshot();
    if (now.status === "stepping" || now.status === "ended") this.set({ ...now, playing });
  }
}

function taskStepsOf(report: TaskScheduleReport): number {
  return report.steps.filter((step) => step.lane > 0).length;
}

function positionsOf(report: TaskScheduleReport): number[] {
  return report.decisions.map((decision) => decision.position);
}
