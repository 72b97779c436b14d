/**
 * Barrier: Python's `threading.Barrier`: `parties` workers wait until all
 * have arrived, then all go on; it is reusable, phase after phase.
 *
 * Algorithm: a generation (sense-counting) barrier, as in Mellor-Crummey and
 * Scott, "Algorithms for Scalable Synchronization on Shared-Memory
 * Multiprocessors" (1991), with Python's broken state, reset, abort, action
 * and timeouts. Arrivals are counted under a private futex lock word
 * (futex.ts); the last arrival runs the action, then starts the next
 * generation and wakes the waiters, who sleep while the generation word
 * holds the one they arrived in. Python's own barrier also drains: a fast
 * worker arriving for the next phase waits until every released worker has
 * left. That costs a second sleep per phase, so instead whoever ends a phase
 * writes each of its waiters' outcome into that waiter's own word, and a
 * woken worker needs nothing else to know how its phase ended:
 *   passed     the phase filled; wait returns the arrival index
 *   broken     a wait timed out, `abort()` was called, or the action threw:
 *              every waiter and every later arrival gets BrokenBarrierError
 *              until `reset()`
 *   reset      `reset()` while workers waited: they get BrokenBarrierError,
 *              and the barrier serves the next phase
 *
 * Layout (word offsets from `index`):
 *   +0 lock: the private futex lock word guarding the words below
 *   +1 generation: the futex word waiters sleep on
 *   +2 count: workers waiting in the current phase
 *   +3 waiting: bit mask of those workers
 *   +4 broken: 0, or why it is broken (an Outcome)
 *   +5 parties
 *   +6 outcomes: MAX_WORKERS words, how each worker's last phase ended
 */
import { MAX_WORKERS, type Arena } from "../memory";
import type { Thread } from "../thread";
import { PointKind, schedulingPoint } from "../gate";
import { BrokenBarrierError, ScenarioUsageError, checkTimeout } from "../errors";
import { runtimeMessage, type RuntimeKey } from "../messages/message";
import { lock, unlock } from "./futex";
import { deadlineOf, msLeft } from "./wait-clock";

const LOCK = 0;
const GENERATION = 1;
const COUNT = 2;
const WAITING = 3;
const BROKEN = 4;
const PARTIES = 5;
const OUTCOMES = 6;
const WORDS = OUTCOMES + MAX_WORKERS;

const Outcome = { pending: 0, passed: 1, timeout: 2, abort: 3, action: 4, reset: 5 } as const;
type Outcome = (typeof Outcome)[keyof typeof Outcome];
const WHY_BROKEN: Readonly<Record<number, RuntimeKey>> = {
  [Outcome.timeout]: "barrier.whyTimeout",
  [Outcome.abort]: "barrier.whyAbort",
  [Outcome.action]: "barrier.whyAction",
  [Outcome.reset]: "barrier.whyReset",
};

/** Workers waiting in the current phase of the barrier at `index`, read from anywhere (the page). */
export function barrierWaiting(words: Int32Array, index: number): number {
  return Atomics.load(words, index + COUNT);
}

export interface BarrierOptions {
  /** Runs once per phase, in the last worker to arrive, before any worker is released. */
  readonly action?: () => void;
  /** Default timeout of `wait`, in seconds. */
  readonly timeout?: number;
}

export class Barrier {
  /** How many workers each phase waits for. */
  readonly parties: number;
  private readonly words: Int32Array;
  private readonly label: string;
  private inAction = false;

  /** @internal */
  constructor(
    arena: Arena,
    readonly name: string,
    readonly index: number,
    private readonly thread: Thread,
    parties: number,
    private readonly options: BarrierOptions,
  ) {
    this.words = arena.words;
    this.parties = parties;
    this.label = `Barrier "${name}"`;
  }

  /** @internal */
  static allocate(arena: Arena, name: string, thread: Thread, init: boolean, parties: number, options: BarrierOptions = {}): Barrier {
    if (!(Number.isInteger(parties) && parties >= 1)) {
      throw new ScenarioUsageError(runtimeMessage("barrier.parties", { name, got: String(parties) }));
    }
    if (options.action !== undefined && typeof options.action !== "function") {
      throw new ScenarioUsageError(runtimeMessage("barrier.action", { name, got: String(options.action) }));
    }
    if (options.timeout !== undefined) checkTimeout(runtimeMessage("barrier.defaultTimeout", { name }), options.timeout);
    const index = arena.allocate("barrier", name, WORDS);
    if (init) Atomics.store(arena.words, index + PARTIES, parties);
    return new Barrier(arena, name, index, thread, parties, options);
  }

  /**
   * Waits until `parties` workers have called `wait`, for at most `timeout`
   * seconds (default: the barrier's). Returns this worker's arrival index,
   * 0 to parties - 1. Throws BrokenBarrierError if the barrier is or becomes
   * broken, or is reset, while waiting; a timeout breaks it.
   */
  wait(timeout?: number): number {
    if (timeout !== undefined) checkTimeout(`${this.label}.wait`, timeout);
    schedulingPoint(PointKind.Wait, this.index);
    this.notInAction("wait");
    const deadline = deadlineOf(timeout ?? this.options.timeout);
    const w = this.words;
    const at = this.index;
    lock(this.thread, at + LOCK, at);
    const broken = w[at + BROKEN]!;
    if (broken !== 0) {
      unlock(w, at + LOCK);
      throw this.brokenError(broken);
    }
    const arrival = w[at + COUNT]!++;
    if (arrival + 1 === this.parties) {
      this.trip();
      return arrival;
    }
    w[at + WAITING]! |= 1 << this.thread.id;
    w[at + OUTCOMES + this.thread.id] = Outcome.pending;
    const generation = w[at + GENERATION]!;
    unlock(w, at + LOCK);
    const outcome = this.sleep(generation, deadline);
    if (outcome !== Outcome.passed) throw this.brokenError(outcome);
    return arrival;
  }

  /** Breaks the barrier: current and later waiters get BrokenBarrierError until `reset()`. */
  abort(): void {
    schedulingPoint(PointKind.Abort, this.index);
    this.notInAction("abort");
    lock(this.thread, this.index + LOCK, this.index);
    this.breakFor(Outcome.abort);
    unlock(this.words, this.index + LOCK);
  }

  /** Returns the barrier to its initial state; workers waiting now get BrokenBarrierError. */
  reset(): void {
    schedulingPoint(PointKind.Reset, this.index);
    this.notInAction("reset");
    lock(this.thread, this.index + LOCK, this.index);
    this.words[this.index + BROKEN] = 0;
    this.endPhase(Outcome.reset);
    unlock(this.words, this.index + LOCK);
  }

  /** Workers waiting in the current phase. */
  get nWaiting(): number {
    schedulingPoint(PointKind.Query, this.index);
    return barrierWaiting(this.words, this.index);
  }

  /** Whether the barrier is broken (by a timeout, `abort()` or its action throwing) until `reset()`. */
  get broken(): boolean {
    schedulingPoint(PointKind.Query, this.index);
    return Atomics.load(this.words, this.index + BROKEN) !== 0;
  }

  /** The last arrival, holding the lock: runs the action, then releases the phase. */
  private trip(): void {
    const { action } = this.options;
    try {
      if (action !== undefined) {
        this.inAction = true;
        action();
      }
      this.endPhase(Outcome.passed);
    } catch (thrown) {
      this.breakFor(Outcome.action);
      throw thrown;
    } finally {
      this.inAction = false;
      unlock(this.words, this.index + LOCK);
    }
  }

  /** Sleeps until the phase that began in `generation` ends; returns how it ended. */
  private sleep(generation: number, deadline: number): Outcome {
    const w = this.words;
    const at = this.index;
    const mine = at + OUTCOMES + this.thread.id;
    while (Atomics.load(w, at + GENERATION) === generation) {
      const left = msLeft(deadline);
      if (left <= 0) {
        lock(this.thread, at + LOCK, at);
        // The phase may have ended between the timeout and the lock: then it counts.
        if (w[at + GENERATION] === generation) this.breakFor(Outcome.timeout);
        unlock(w, at + LOCK);
        break;
      }
      this.thread.awaitSignal(at + GENERATION, generation, left, at);
    }
    return Atomics.load(w, mine) as Outcome;
  }

  /** Holding the lock: marks the barrier broken and ends the phase with that outcome for its waiters. */
  private breakFor(cause: Outcome): void {
    this.words[this.index + BROKEN] = cause;
    this.endPhase(cause);
  }

  /** Holding the lock: tells each waiter how its phase ended, then starts the next generation and wakes them. */
  private endPhase(outcome: Outcome): void {
    const w = this.words;
    const at = this.index;
    for (let waiting = w[at + WAITING]!, worker = 0; waiting !== 0; waiting >>>= 1, worker++) {
      if (waiting & 1) Atomics.store(w, at + OUTCOMES + worker, outcome);
    }
    w[at + WAITING] = 0;
    Atomics.store(w, at + COUNT, 0);
    Atomics.add(w, at + GENERATION, 1);
    Atomics.notify(w, at + GENERATION);
  }

  private brokenError(outcome: number): BrokenBarrierError {
    return new BrokenBarrierError(runtimeMessage("barrier.broken", { label: this.label, why: runtimeMessage(WHY_BROKEN[outcome] ?? "barrier.whyUnknown") }));
  }

  /** The action runs holding the barrier's lock: calling the barrier from it would wait for itself forever. */
  private notInAction(operation: string): void {
    if (this.inAction) {
      throw new ScenarioUsageError(runtimeMessage("barrier.inAction", { label: this.label, operation }));
    }
  }
}
