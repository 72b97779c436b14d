/**
 * Step mode: the student is the scheduler. One gated run stays open while
 * the student moves one worker one step at a time; the page shows what each
 * worker will do next, on which line, and the shared values after every
 * step. Undo runs the same steps again but the last (gated runs replay
 * exactly); Restart starts over; Run to end takes the default moves.
 *
 * A schedule (explore's, or a share link's) opens as a plan: the student
 * takes its next step, or plays it, and sees the interleaving unfold. While
 * the steps taken are the schedule's first ones, the student is following
 * it; a move of their own takes over, and only then do step goals count.
 *
 * A store for the UI, like Session. The controller is a ControllerCalls
 * (the controller worker in the browser, the calls themselves in Node).
 */
import { atLine } from "./task-runs";
import type { Allocation } from "../../runtime/memory";
import type { ParamValue } from "../../runtime/params";
import type { GoalCheck } from "../../runtime/protocol";
import type { WorkerPool } from "../pool";
import { startRun, type RunHandle, type RunOutcome } from "../run";
import { readSharedValues, type SharedValue } from "../shared-values";
import { inspectMemory } from "../watchdog";
import { compiler } from "../compiler";
import { Store } from "../store";
import { TurnState } from "../../runtime/turnstile";
import { PointKind } from "../../runtime/gate";
import { interpreterOf } from "../../runtime/gil";
import type { Option, Pending } from "./controller";
import type { StepView, StepsTaken } from "./controller-calls";
import { STEP_CAP, type Step } from "./drive";
import { engineMessage } from "../messages/message";
import { language } from "../../runtime/i18n/i18n";
import type { Language } from "../../runtime/i18n/languages";

/** The controller's step calls, here or across a worker boundary. */
export interface StepControl {
  /** The controller words what it reports in the page's language (it may be another realm: the controller worker). */
  speak(lang: Language): void | Promise<void>;
  begin(memory: SharedArrayBuffer, workers: number): StepView | Promise<StepView>;
  moves(moves: readonly Option[]): StepsTaken | Promise<StepsTaken>;
  toEnd(): StepsTaken | Promise<StepsTaken>;
}

export interface StepRequest {
  readonly source: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly goals: readonly GoalCheck[];
}

/** Run to end met its cap: what happened, and what to do (in the language of when it happened). */
const capped = () => engineMessage("stepper.capped", { steps: STEP_CAP });

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
      /** The student has made a move of their own, not the schedule's. */
      readonly byHand: boolean;
      /** The schedule is being played, a step at a time. */
      readonly playing: boolean;
      /** For each worker about to read a shared int, the value it will read ("B reads counter = 4"); else null. */
      readonly nextReads: readonly (number | null)[];
      /** The step just taken, with the value it read or wrote. */
      readonly last: Step | null;
      /** No worker can move and one has not finished: the student has deadlocked them. */
      readonly deadlocked: boolean;
      /** The scenario runs under the GIL: the page says which moves CPython's GIL would rule out (gil-switches.ts). */
      readonly gil: boolean;
      readonly problem: string | null;
      /** Run to end stopped at its cap with the workers still going: what happened, and what to do. */
      readonly capped: string | null;
    }
  | { readonly status: "refused"; readonly message: string };

export class Stepper extends Store<StepSnapshot> {
  private handle: RunHandle | null = null;
  private memory: SharedArrayBuffer | null = null;
  private taken: Option[] = [];
  /** The schedule being followed, whole; empty when there is none. */
  private schedule: readonly Option[] = [];
  private playing = false;
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
    this.schedule = [...moves, ...planned];
    await this.reopen(request, moves);
  }

  /** Opens a stepped run of `request` and replays `moves`, keeping the schedule being followed. */
  private async reopen(request: StepRequest, moves: readonly Option[]): Promise<void> {
    this.stopRun();
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    // The compiler may still be loading: step mode left meanwhile stays left.
    const { compiledOrRefusal } = await compiler();
    if (!current()) return;
    const compiled = compiledOrRefusal(request.source);
    if ("refused" in compiled) return this.set({ status: "refused", message: compiled.refused });
    this.request = request;
    this.taken = [];
    this.playing = false;
    this.last = null;
    this.set({ status: "starting" });
    this.busy = true;
    try {
      let view = await this.open(compiled.js, request);
      if (current() && moves.length > 0) view = this.record(await this.control.moves(moves));
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
            await this.control.speak(language());
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
        if (this.getSnapshot().status === "starting") reject(new Error(engineMessage("stepper.endedFirst", { why: outcomeMessage(outcome) })));
        else this.ended(outcome);
      });
    });
  }

  /** Moves one worker one step; false when it could not (another step or a start is under way, or the run has ended). */
  step(option: Option): Promise<boolean> {
    return this.move(() => this.control.moves([option]));
  }

  /** Takes the default moves (the last worker goes on, else the first that can) until the run ends: one call, one repaint. */
  async runToEnd(): Promise<void> {
    if (!(await this.move(() => this.control.toEnd()))) return;
    // toEnd stops at the run's end or at its cap: still stepping, it met the cap.
    const now = this.getSnapshot();
    if (now.status === "stepping") this.set({ ...now, capped: capped() });
  }

  /** Makes moves through the controller, unless another is under way or the run has ended; false when none was made. */
  private async move(make: () => StepsTaken | Promise<StepsTaken>): Promise<boolean> {
    if (this.busy || this.getSnapshot().status !== "stepping") return false;
    this.busy = true;
    const generation = this.generation;
    try {
      const taken = await make();
      if (generation !== this.generation) return false;
      this.show(this.record(taken));
      return taken.steps.length > 0;
    } finally {
      if (generation === this.generation) this.busy = false;
    }
  }

  /** Notes the moves the controller made, and the last step's words; returns where the run stands. */
  private record({ view, steps }: StepsTaken): StepView {
    this.taken.push(...steps.map(({ worker, timeout }) => ({ worker, timeout })));
    this.last = steps.at(-1) ?? this.last;
    return view;
  }

  /** Takes the schedule's next step. */
  async follow(): Promise<boolean> {
    const next = this.planned()[0];
    return next !== undefined && this.step(next);
  }

  /** Takes the schedule's steps one after another, `delayMs` apart, so the interleaving can be watched; until the end, a pause, or another action. */
  async play(delayMs: number): Promise<void> {
    if (this.playing) return;
    const generation = this.generation;
    this.setPlaying(true);
    while (this.playing && generation === this.generation && (await this.follow())) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    if (generation === this.generation) this.setPlaying(false);
  }

  pause(): void {
    this.setPlaying(false);
  }

  /** Runs the same moves again but the last. */
  async undo(): Promise<void> {
    if (this.busy || this.request === null || this.taken.length === 0) return;
    await this.reopen(this.request, this.taken.slice(0, -1));
  }

  /** Starts over; a schedule is offered again from its first step. */
  async restart(): Promise<void> {
    if (!this.busy && this.request !== null) await this.reopen(this.request, []);
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
      problem = deadlock?.message ?? engineMessage("drive.deadlock");
    }
    const status = view.allDone || deadlocked || stuck ? "ended" : "stepping";
    const params = this.request?.params ?? {};
    const followed = { planned: this.planned(), byHand: this.taken.length > 0 && !this.following(), playing: this.playing, last: this.last };
    const nextReads = view.pending.map((p) => (p.kind === PointKind.Read ? this.readNow(p) : null));
    const gil = this.memory !== null && interpreterOf(new Int32Array(this.memory)) === "gil";
    this.set({ status, params, pending: view.pending, options: view.options, taken: [...this.taken], values, objects, outcome: null, problem, capped: null, deadlocked, nextReads, gil, ...followed });
    if (view.allDone) this.release();
    // Deadlocked workers stay parked, and a stuck one spins, for good: stop them; the pool replaces them.
    else if (problem !== null) this.stopRun();
  }

  /** The value at a pending read's object now, which is what it will read: no other worker moves first. */
  private readNow(pending: Pending): number | null {
    return this.memory && pending.state === TurnState.AtPoint ? Atomics.load(new Int32Array(this.memory), pending.object) : null;
  }

  /** Whether the steps taken so far are the schedule's first ones. */
  private following(): boolean {
    return this.taken.length <= this.schedule.length && this.taken.every((o, i) => sameMove(o, this.schedule[i]!));
  }

  /** The schedule's steps still to come, while it is being followed. */
  private planned(): Option[] {
    return this.following() ? this.schedule.slice(this.taken.length) : [];
  }

  private setPlaying(playing: boolean): void {
    this.playing = playing;
    const now = this.getSnapshot();
    if (now.status === "stepping" || now.status === "ended") this.set({ ...now, playing });
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
      return atLine(outcome.error.message, outcome.error.line);
    case "stopped":
      return outcome.message;
    case "deadlock":
      return outcome.deadlock.message;
    case "done":
      return engineMessage("stepper.finishedWithoutStep");
  }
}

function sameMove(a: Option, b: Option): boolean {
  return a.worker === b.worker && a.timeout === b.timeout;
}
