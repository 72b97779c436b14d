/**
 * Barrier: Python's `threading.Barrier`: `parties` workers wait until all
 * have arrived, then all go on; it is reusable, phase after phase.
 *
 * Algorithm: Python's own (Lib/threading.py), its states and transitions
 * unchanged, with its Condition(Lock()) replaced by a private futex lock word
 * and a sequence condition (futex.ts) notified on every state change:
 *   filling (0)    workers arrive and wait; the last to arrive runs the
 *                  action (still holding the lock, in its own worker) and
 *                  turns the barrier to draining
 *   draining (1)   the released workers leave; the last one out turns it
 *                  back to filling, so a fast worker arriving for the next
 *                  phase waits until the previous phase has emptied
 *   resetting (-1) `reset()` while workers wait: they leave with
 *                  BrokenBarrierError; the last one out turns it to filling
 *   broken (-2)    a wait timed out, `abort()` was called, or the action
 *                  threw: every waiter and every later arrival gets
 *                  BrokenBarrierError until `reset()`
 *
 * Layout (word offsets from `index`):
 *   +0 lock: the private futex lock word guarding the words below
 *   +1 changes: sequence condition (+1 sequence, +2 sleepers)
 *   +3 state: one of the four above
 *   +4 count: workers inside `wait`
 *   +5 parties
 *   +6 cause: why it broke (see Cause), for the error message
 */
import type { Arena } from "../memory";
import type { Thread } from "../thread";
import { PointKind, schedulingPoint } from "../gate";
import { BrokenBarrierError, ScenarioUsageError, checkTimeout } from "../errors";
import { deadlineOf, lock, msLeft, notifySequence, unlock, waitSequence } from "./futex";

const LOCK = 0;
const CHANGES = 1;
const STATE = 3;
const COUNT = 4;
const PARTIES = 5;
const CAUSE = 6;
const WORDS = 7;

const FILLING = 0;
const DRAINING = 1;
const RESETTING = -1;
const BROKEN = -2;

const Cause = { timeout: 1, abort: 2, action: 3 } as const;
const CAUSES = ["", "a worker's wait timed out", "abort() was called", "its action threw"];

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
      throw new ScenarioUsageError(`Barrier "${name}": parties must be a whole number >= 1; got ${String(parties)}.`);
    }
    if (options.action !== undefined && typeof options.action !== "function") {
      throw new ScenarioUsageError(`Barrier "${name}": action must be a function; got ${String(options.action)}.`);
    }
    checkTimeout(`Barrier "${name}" default timeout`, options.timeout);
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
    try {
      while (w[at + STATE] === DRAINING || w[at + STATE] === RESETTING) {
        waitSequence(this.thread, at + LOCK, at + CHANGES, at, Infinity);
      }
      if (w[at + STATE] === BROKEN) throw this.brokenError();
      const arrival = w[at + COUNT]!++;
      try {
        if (arrival + 1 === this.parties) this.trip();
        else this.await(deadline);
        return arrival;
      } finally {
        if (--w[at + COUNT]! === 0 && (w[at + STATE] === DRAINING || w[at + STATE] === RESETTING)) {
          this.setState(FILLING);
        }
      }
    } finally {
      unlock(w, at + LOCK);
    }
  }

  /** Breaks the barrier: current and later waiters get BrokenBarrierError until `reset()`. */
  abort(): void {
    schedulingPoint(PointKind.Abort, this.index);
    this.notInAction("abort");
    lock(this.thread, this.index + LOCK, this.index);
    this.breakFor(Cause.abort);
    unlock(this.words, this.index + LOCK);
  }

  /** Returns the barrier to its initial state; workers waiting now get BrokenBarrierError. */
  reset(): void {
    schedulingPoint(PointKind.Reset, this.index);
    this.notInAction("reset");
    lock(this.thread, this.index + LOCK, this.index);
    const w = this.words;
    // As in Python, a phase already released drains normally: its workers return their indices.
    if (w[this.index + COUNT] === 0) this.setState(FILLING);
    else if (w[this.index + STATE] !== DRAINING) this.setState(RESETTING);
    unlock(this.words, this.index + LOCK);
  }

  /** Workers waiting in the current phase. */
  get nWaiting(): number {
    schedulingPoint(PointKind.Read, this.index);
    return Atomics.load(this.words, this.index + STATE) === FILLING ? Atomics.load(this.words, this.index + COUNT) : 0;
  }

  get broken(): boolean {
    schedulingPoint(PointKind.Read, this.index);
    return Atomics.load(this.words, this.index + STATE) === BROKEN;
  }

  /** The last arrival: runs the action, then releases the phase. Holds the lock. */
  private trip(): void {
    const { action } = this.options;
    if (action !== undefined) {
      this.inAction = true;
      try {
        action();
      } catch (thrown) {
        this.breakFor(Cause.action);
        throw thrown;
      } finally {
        this.inAction = false;
      }
    }
    this.setState(DRAINING);
  }

  /** Waits, holding the lock between sleeps, until the phase is released, broken or reset. */
  private await(deadline: number): void {
    const w = this.words;
    const at = this.index;
    while (w[at + STATE] === FILLING) {
      if (msLeft(deadline) <= 0) {
        this.breakFor(Cause.timeout);
        break;
      }
      waitSequence(this.thread, at + LOCK, at + CHANGES, at, deadline);
    }
    if (w[at + STATE] !== DRAINING) throw this.brokenError();
  }

  private breakFor(cause: number): void {
    this.words[this.index + CAUSE] = cause;
    this.setState(BROKEN);
  }

  private setState(state: number): void {
    Atomics.store(this.words, this.index + STATE, state);
    notifySequence(this.words, this.index + CHANGES);
  }

  private brokenError(): BrokenBarrierError {
    const w = this.words;
    const why = w[this.index + STATE] === RESETTING ? "reset() was called while this worker waited" : CAUSES[w[this.index + CAUSE]!];
    return new BrokenBarrierError(`${this.label} is broken: ${why}.`);
  }

  /** The action runs holding the barrier's lock: calling the barrier from it would wait for itself forever. */
  private notInAction(operation: string): void {
    if (this.inAction) {
      throw new ScenarioUsageError(`${this.label}.${operation}: called from the barrier's own action, which runs while the barrier is locked. Do this outside the action.`);
    }
  }
}
