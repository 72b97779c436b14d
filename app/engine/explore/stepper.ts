/**
 * Step mode: the student is the scheduler. One gated run stays open while
 * the student moves one worker one step at a time; the page shows what each
 * worker will do next, on which line, and the shared values after every
 * step. Undo runs the same steps again but the last (gated runs replay
 * exactly); Restart starts over; Run to end takes the default moves.
 *
 * A schedule (explore's, or a share link's) opens as a plan: the student
 * takes its next step, or plays it, and sees the interleaving unfold; moving
 * another worker instead takes over, and the plan is dropped. Step goals
 * count only once the student has made a move of their own.
 *
 * A store for the UI, like Session. The controller is a ControllerCalls
 * (the controller worker in the browser, the calls themselves in Node).
 */
import type { Allocation } from "../../runtime/memory";
import type { ParamValue } from "../../runtime/params";
import type { GoalCheck } from "../../runtime/protocol";
import type { WorkerPool } from "../pool";
import { startRun, type RunHandle, type RunOutcome } from "../run";
import { readSharedValues, type SharedValue } from "../shared-values";
import { inspectMemory } from "../watchdog";
import { compiledOrRefusal } from "../compile";
import { Store } from "../store";
import { TurnState } from "../../runtime/turnstile";
import { PointKind } from "../../runtime/gate";
import type { Option, Pending } from "./controller";
import type { StepView } from "./controller-calls";
import { STEP_CAP, orderOptions, stepValue, type Step } from "./drive";

/** The controller's step calls, here or across a worker boundary. */
export interface StepControl {
  begin(memory: SharedArrayBuffer, workers: number): StepView | Promise<StepView>;
  step(option: Option): StepView | Promise<StepView>;
}

export interface StepRequest {
  readonly source: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly goals: readonly GoalCheck[];
}

export type StepSnapshot =
  | { readonly status: "off" }
  | { readonly status: "starting" }
  | {
      readonly status: "stepping" | "ended";
      /** The parameters of the stepped run (the lesson's small ones). */
      readonly params: Readonly<Record<string, ParamValue>>;
      readonly pending: readonly Pending[];
      readonly options: readonly Option[];
      /** The moves taken so far. */
      readonly taken: readonly Option[];
      readonly values: readonly SharedValue[];
      readonly objects: readonly Allocation[];
      /** How the run ended, once it has: done (with result and goals), error, or deadlock. */
      readonly outcome: RunOutcome | null;
      /** The schedule's moves still to come, while the student follows one. */
      readonly planned: readonly Option[];
      /** The student has moved a worker themselves, not only followed a schedule. */
      readonly byHand: boolean;
      /** The step just taken, with the value it read or wrote. */
      readonly last: Step | null;
      /** No worker can move and one has not finished: the student has deadlocked them. */
      readonly deadlocked: boolean;
      readonly problem: string | null;
    }
  | { readonly status: "refused"; readonly message: string };

export class Stepper extends Store<StepSnapshot> {
  private handle: RunHandle | null = null;
  private memory: SharedArrayBuffer | null = null;
  private taken: Option[] = [];
  private planned: Option[] = [];
  /** Everything the schedule being followed asked for, for Restart. */
  private schedule: readonly Option[] = [];
  private byHand = false;
  private last: Step | null = null;
  private request: StepRequest | null = null;
  /** Settles the run's `drive` once every worker has ended, so the run can finish. */
  private release: () => void = () => {};
  /** A step or a start is waiting for the controller: other moves wait their turn. */
  private busy = false;
  /** Bumped by every start and close, so that the replies of an earlier run are ignored. */
  private generation = 0;

  constructor(
    private readonly pool: WorkerPool,
    private readonly control: StepControl,
  ) {
    super({ status: "off" });
  }

  get active(): boolean {
    const { status } = this.getSnapshot();
    return status !== "off" && status !== "refused";
  }

  /** Opens a stepped run of `request`, replays `moves`, and offers `planned` as the steps to follow. */
  async start(request: StepRequest, moves: readonly Option[] = [], planned: readonly Option[] = []): Promise<void> {
    this.byHand = false;
    this.schedule = [...moves, ...planned];
    await this.reopen(request, moves, planned);
  }

  private async reopen(request: StepRequest, moves: readonly Option[], planned: readonly Option[]): Promise<void> {
    this.stopRun();
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    const compiled = compiledOrRefusal(request.source);
    if ("refused" in compiled) return this.set({ status: "refused", message: compiled.refused });
    this.request = request;
    this.taken = [];
    this.planned = [...planned];
    this.last = null;
    this.set({ status: "starting" });
    this.busy = true;
    try {
      let view = await this.open(compiled.js, request);
      for (const move of moves) {
        if (!current() || !view.options.some((o) => o.worker === move.worker && o.timeout === move.timeout)) break;
        const before = view.pending[move.worker]!;
        view = await this.control.step(move);
        this.taken.push(move);
        this.last = this.stepTaken(before, move, view.pending[move.worker]!);
      }
      if (current()) this.show(view);
    } catch (thrown) {
      // The run ended before its workers parked (a setup error, a crash) or the controller failed: say so.
      if (current()) this.set({ status: "refused", message: thrown instanceof Error ? thrown.message : String(thrown) });
    } finally {
      if (current()) this.busy = false;
    }
  }

  /** Starts the gated run and hands it to the controller; rejects with the run's own message if it ends first. */
  private open(js: string, request: StepRequest): Promise<StepView> {
    return new Promise<StepView>((resolve, reject) => {
      const handle = startRun(this.pool, {
        js,
        params: request.params,
        goals: request.goals,
        drive: async (memory, workers) => {
          this.memory = memory;
          try {
            resolve(await this.control.begin(memory, workers));
          } catch (thrown) {
            reject(thrown);
            return;
          }
          await new Promise<void>((ended) => (this.release = ended));
        },
      });
      this.handle = handle;
      void handle.outcome.then((outcome) => {
        if (this.handle !== handle) return;
        if (this.getSnapshot().status === "starting") reject(new Error(`The run ended before its first step: ${outcomeMessage(outcome)}`));
        else this.ended(outcome);
      });
    });
  }

  /**
   * Moves one worker one step; false when it could not (another step or a
   * start is under way, or the run has ended). A move other than the plan's
   * next drops the plan: the student has taken over.
   */
  async step(option: Option, byHand = true): Promise<boolean> {
    const before = this.getSnapshot();
    if (this.busy || before.status !== "stepping") return false;
    this.busy = true;
    const generation = this.generation;
    try {
      const view = await this.control.step(option);
      if (generation !== this.generation) return false;
      this.taken.push(option);
      const next = this.planned[0];
      if (next && next.worker === option.worker && next.timeout === option.timeout) this.planned.shift();
      else this.planned = [];
      this.byHand ||= byHand;
      this.last = this.stepTaken(before.pending[option.worker]!, option, view.pending[option.worker]!);
      this.show(view);
      return true;
    } finally {
      if (generation === this.generation) this.busy = false;
    }
  }

  /** Takes the plan's next step. */
  async follow(): Promise<boolean> {
    const next = this.planned[0];
    return next !== undefined && this.step(next, false);
  }

  /** Takes the plan's steps one after another, `delayMs` apart, so the interleaving can be watched. */
  async play(delayMs: number): Promise<void> {
    while (await this.follow()) await new Promise((resolve) => setTimeout(resolve, delayMs));
  }

  /** Takes the default moves (the last worker goes on, else the first that can) until the run ends. */
  async runToEnd(): Promise<void> {
    for (let now = this.getSnapshot(); now.status === "stepping" && now.options.length > 0 && this.taken.length < STEP_CAP; now = this.getSnapshot()) {
      const last = this.taken.at(-1)?.worker ?? -1;
      const sleeping = now.pending[last]?.state === TurnState.AtPoint && now.pending[last]?.kind === PointKind.Io;
      if (!(await this.step(orderOptions(now.options, last, sleeping)[0]!))) return;
    }
  }

  /** Runs the same moves again but the last. */
  async undo(): Promise<void> {
    if (this.busy || this.request === null || this.taken.length === 0) return;
    const undone = this.taken.at(-1)!;
    await this.reopen(this.request, this.taken.slice(0, -1), this.planned.length > 0 ? [undone, ...this.planned] : []);
  }

  /** Starts over; a followed schedule is offered again from its first step. */
  async restart(): Promise<void> {
    if (!this.busy && this.request !== null) await this.reopen(this.request, [], this.schedule);
  }

  /** Leaves step mode, stopping the stepped run. */
  close(): void {
    this.generation++;
    this.busy = false;
    this.stopRun();
    this.set({ status: "off" });
  }

  private show(view: StepView): void {
    const objects = this.handle?.objects ?? [];
    const values = this.memory ? readSharedValues(this.memory, objects) : [];
    const stuck = view.stuck;
    const deadlocked = !view.allDone && view.options.length === 0;
    let problem = stuck;
    if (deadlocked && this.memory) {
      const deadlock = inspectMemory(this.memory, view.pending.length, objects);
      problem = deadlock?.message ?? "Deadlock: no worker can move, and not every worker has finished.";
    }
    const status = view.allDone || deadlocked || stuck ? "ended" : "stepping";
    const params = this.request?.params ?? {};
    const followed = { planned: [...this.planned], byHand: this.byHand, last: this.last };
    this.set({ status, params, pending: view.pending, options: view.options, taken: [...this.taken], values, objects, outcome: null, problem, deadlocked, ...followed });
    if (view.allDone) this.release();
    // Deadlocked workers stay parked, and a stuck one spins, for good: stop them; the pool replaces them.
    else if (problem !== null) this.stopRun();
  }

  /** The step a worker just took, with the value it read or wrote (read after the step: no worker moves meanwhile). */
  private stepTaken(pending: Pending, option: Option, after: Pending): Step {
    const words = this.memory ? new Int32Array(this.memory) : null;
    const value = words ? stepValue((index) => Atomics.load(words, index), pending) : null;
    return { ...pending, timeout: option.timeout, preemption: false, value, blocks: after.state === TurnState.Blocked };
  }

  private ended(outcome: RunOutcome): void {
    const current = this.getSnapshot();
    if (current.status !== "stepping" && current.status !== "ended") return;
    if (outcome.status === "stopped") return;
    const values = this.memory ? readSharedValues(this.memory, current.objects) : current.values;
    this.set({ ...current, status: "ended", values, outcome });
  }

  private stopRun(): void {
    this.handle?.stop();
    this.handle = null;
    this.memory = null;
    this.release = () => {};
  }
}

function outcomeMessage(outcome: RunOutcome): string {
  switch (outcome.status) {
    case "error":
      return `${outcome.error.message}${outcome.error.line === undefined ? "" : ` (line ${outcome.error.line})`}`;
    case "stopped":
      return outcome.message;
    case "deadlock":
      return outcome.deadlock.message;
    case "done":
      return "it finished without a step.";
  }
}
