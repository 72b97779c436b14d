/**
 * The controller of a gated run: it decides, step by step, which worker
 * moves (DESIGN.md, "Step and explore"; the workers' side is
 * runtime/turnstile.ts). It blocks on the run memory with Atomics.wait, so it
 * runs where that is allowed: a worker in the browser, any thread in Node.
 *
 * At a decision every worker is parked at a scheduling point, blocked, or
 * done. The options are: each parked worker; each blocked worker whose
 * awaited word has changed (it wakes and retries); and each blocked worker
 * with a timeout, whose wait may end by timing out. No option and a worker
 * not done is a deadlock.
 */
import { Header, TURN_STRIDE, layoutOf, type Layout } from "../../runtime/memory";
import { HANDOFF_SPINS, TurnSlot, TurnState, Verdict } from "../../runtime/turnstile";
import { PointKind } from "../../runtime/gate";
import { workerName } from "../../runtime/protocol";
import { engineMessage } from "../messages/message";

/** One way the run can go on from here. */
export interface Option {
  readonly worker: number;
  /** True when this option ends the worker's timed wait by its timeout. */
  readonly timeout: boolean;
}

/** What a worker is about to do, for the swimlanes and "B reads counter". */
export interface Pending {
  readonly worker: number;
  readonly state: TurnState;
  readonly kind: PointKind | 0;
  readonly object: number;
  /** The scenario line it stopped at (step mode; 0 when not recorded). */
  readonly line: number;
  /** CPython's GIL could be taken from it here (turnstile.ts, `switchable`). */
  readonly switchable: boolean;
  /** Where it is among the loops of scenario code (turnstile.ts, `loop` and `iteration`): a run of the innermost loop, 0 for none. */
  readonly loop: number;
  /** How many times that run's body has begun. */
  readonly iteration: number;
}

/** A worker neither parked nor ended within the limit: an endless loop without a scheduling point. */
export class StuckWorkerError extends Error {
  override name = "StuckWorkerError";
  constructor(readonly worker: number, limitMs: number) {
    super(engineMessage("drive.stuckWorker", { worker: workerName(worker), seconds: limitMs / 1000 }));
  }
}

/** A worker parked before `ctx.io`: the others move first, as they would while it slept (drive.ts, Turns). */
function aboutToSleep({ state, kind }: Pick<Pending, "state" | "kind">): boolean {
  return state === TurnState.AtPoint && kind === PointKind.Io;
}

export class Controller {
  /** The run memory, which the swimlanes read values from between steps. */
  readonly words: Int32Array;
  private readonly layout: Layout;

  constructor(
    memory: SharedArrayBuffer,
    readonly workers: number,
    private readonly limitMs = 2000,
  ) {
    this.words = new Int32Array(memory);
    this.layout = layoutOf(this.words);
  }

  /** From now on, workers record the scenario line of each step (for step mode: it costs a stack trace a step). */
  recordLines(): void {
    Atomics.store(this.words, Header.gateLines, 1);
  }

  /** Waits until every worker has parked before its first line. */
  start(): void {
    this.awaitEach(new Array<number>(this.workers).fill(0));
  }

  /** How many times each worker has parked so far: after a command to all, `awaitEach` waits for one more each. */
  parks(): number[] {
    return Array.from({ length: this.workers }, (_, worker) => this.slotWord(worker, TurnSlot.parks));
  }

  /** Waits until every worker has parked (or ended) once more than `before` says. */
  awaitEach(before: readonly number[]): void {
    before.forEach((count, worker) => this.awaitParks(worker, count + 1));
  }

  /** Waits until `worker` has parked once more than `before`. */
  awaitWorker(worker: number, before: number): void {
    this.awaitParks(worker, before + 1);
  }

  /** The options at this decision, workers in id order, a worker's wake-up before its timeout. */
  options(): Option[] {
    const options: Option[] = [];
    for (let worker = 0; worker < this.workers; worker++) {
      const state = this.slotWord(worker, TurnSlot.state);
      if (state === TurnState.AtPoint) options.push({ worker, timeout: false });
      if (state !== TurnState.Blocked) continue;
      const changed = Atomics.load(this.words, this.slotWord(worker, TurnSlot.word)) !== this.slotWord(worker, TurnSlot.expected);
      if (changed) options.push({ worker, timeout: false });
      if (this.slotWord(worker, TurnSlot.timed) === 1) options.push({ worker, timeout: true });
    }
    return options;
  }

  /** Whether every worker's body has ended. */
  allDone(): boolean {
    for (let worker = 0; worker < this.workers; worker++) {
      if (this.slotWord(worker, TurnSlot.state) !== TurnState.Done) return false;
    }
    return true;
  }

  /** Whether a worker's body ended by throwing. */
  anyThrew(): boolean {
    for (let worker = 0; worker < this.workers; worker++) {
      if (this.slotWord(worker, TurnSlot.state) === TurnState.Done && this.slotWord(worker, TurnSlot.threw) === 1) return true;
    }
    return false;
  }

  /** What each worker is about to do (or waits for). */
  pending(): Pending[] {
    return Array.from({ length: this.workers }, (_, worker) => this.pendingOf(worker));
  }

  pendingOf(worker: number): Pending {
    return {
      worker,
      state: this.slotWord(worker, TurnSlot.state) as TurnState,
      kind: this.slotWord(worker, TurnSlot.kind) as PointKind,
      object: this.slotWord(worker, TurnSlot.object),
      line: this.slotWord(worker, TurnSlot.line),
      switchable: this.slotWord(worker, TurnSlot.switchable) === 1,
      loop: this.slotWord(worker, TurnSlot.loop),
      iteration: this.slotWord(worker, TurnSlot.iteration),
    };
  }

  /**
   * Whether `worker` is about to sleep (`ctx.io`): time would pass for it,
   * so the others move first, as they would while it slept.
   */
  sleeping(worker: number): boolean {
    return aboutToSleep({ state: this.slotWord(worker, TurnSlot.state) as TurnState, kind: this.slotWord(worker, TurnSlot.kind) as PointKind });
  }

  /** Lets the option's worker take one step, and waits until it has parked, blocked or ended again. */
  take(option: Option): void {
    this.grant(option.worker, option.timeout ? Verdict.TimedOut : Verdict.Woken);
  }

  /** Unwinds every unfinished body (turnstile.ts, ScheduleAbortedError), so that a failed schedule's workers can run the next. */
  abortAll(): void {
    for (let worker = 0; worker < this.workers; worker++) {
      if (this.slotWord(worker, TurnSlot.state) !== TurnState.Done) this.grant(worker, Verdict.Abort);
    }
  }

  private grant(worker: number, verdict: number): void {
    const parks = this.slotWord(worker, TurnSlot.parks);
    const slot = this.slot(worker);
    Atomics.store(this.words, slot + TurnSlot.verdict, verdict);
    Atomics.add(this.words, slot + TurnSlot.grant, 1);
    Atomics.notify(this.words, slot + TurnSlot.grant);
    this.awaitParks(worker, parks + 1);
  }

  private awaitParks(worker: number, atLeast: number): void {
    for (let i = 0; i < HANDOFF_SPINS; i++) if (this.slotWord(worker, TurnSlot.parks) >= atLeast) return;
    const deadline = performance.now() + this.limitMs;
    for (;;) {
      const signal = Atomics.load(this.words, Header.gateSignal);
      if (this.slotWord(worker, TurnSlot.parks) >= atLeast) return;
      const left = deadline - performance.now();
      if (left <= 0) throw new StuckWorkerError(worker, this.limitMs);
      Atomics.wait(this.words, Header.gateSignal, signal, left);
    }
  }

  private slot(worker: number): number {
    return this.layout.turnStart + worker * TURN_STRIDE;
  }

  private slotWord(worker: number, offset: number): number {
    return Atomics.load(this.words, this.slot(worker) + offset);
  }
}
