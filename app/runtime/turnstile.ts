/**
 * A worker's side of a gated run (step, replay and explore; DESIGN.md,
 * "Step and explore"): at every scheduling point the worker parks in its
 * turn slot until the controller grants it the next step, so the controller
 * alone decides the interleaving. A worker that would block on a primitive
 * does not sleep on the primitive's word: it parks as blocked, naming the
 * word and the value it waits to see change, and the controller moves it
 * only once the word has changed (or, for a timed wait, when it chooses the
 * timeout). Every change to shared memory thus happens inside one granted
 * step, and a schedule (the sequence of grants) replays exactly.
 *
 * Handshake: the worker writes what it will do next, bumps its `parks`
 * count and the header's gate signal (waking the controller), then sleeps
 * while its `grant` word is unchanged. The controller waits for the `parks`
 * count of the worker it moved to advance, then chooses again.
 *
 * Slot layout (TURN_STRIDE words per worker, its own cache line):
 *   +0 grant: bumped by the controller to let the worker take one step
 *   +1 verdict: for a blocked worker, how its wait ended (Verdict)
 *   +2 state: TurnState
 *   +3 kind: the PointKind of the next operation (at a point)
 *   +4 object: the word index of the object it will operate on
 *   +5 word, +6 expected: a blocked worker waits for word != expected
 *   +7 timed: 1 when that wait has a timeout the controller may choose
 *   +8 parks: how many times the worker has parked, blocked or ended
 *   +9 line: the scenario line it stopped at, when the header asks (step mode)
 *   +10 threw: 1 when the body ended by throwing (others stuck behind it are its consequence)
 *   +11 switchable: 1 when CPython's GIL could be taken from this worker before
 *       this point: it passed an eval-breaker point (eval-breaker.ts) since its
 *       last step, or this operation is a call, or it blocked and must take the
 *       GIL again. Step mode and explore move workers as real cores can; this
 *       says which of those switches the GIL rules out.
 *   +12 loop, +13 iteration: where this point is among the loops of scenario
 *       code (eval-breaker.ts, LoopPosition), for fair scheduling to tell a
 *       loop that came round from two looks in a row.
 */
import { Header, TURN_STRIDE, type Layout } from "./memory";
import type { PointKind } from "./gate";
import { breaksEval, loopPosition } from "./eval-breaker";
import { callerLine } from "./caller-line";
import { timeOutCurrentWait } from "./sync/wait-clock";

export const TurnSlot = { grant: 0, verdict: 1, state: 2, kind: 3, object: 4, word: 5, expected: 6, timed: 7, parks: 8, line: 9, threw: 10, switchable: 11, loop: 12, iteration: 13 } as const;

export const TurnState = {
  Running: 0,
  AtPoint: 1,
  Blocked: 2,
  Done: 3,
} as const;
export type TurnState = (typeof TurnState)[keyof typeof TurnState];

/**
 * What the controller's grant means: a blocked worker's wait ended (woken or
 * timed out); or, for Abort, the schedule is over (explore has seen it fail
 * with this worker parked), and the body must unwind so the next one can begin.
 */
export const Verdict = { Woken: 0, TimedOut: 1, Abort: 2 } as const;

/** Thrown out of a scheduling point to unwind a body whose schedule the controller abandoned (epochs.ts). */
export class ScheduleAbortedError extends Error {
  override name = "ScheduleAbortedError";
  constructor() {
    super("The controller abandoned this schedule.");
  }
}

/**
 * Reads of the grant word before sleeping on it. A granted step takes
 * microseconds and the controller answers as fast, so spinning briefly saves
 * the two sleeps and wake-ups of each handoff that explore makes thousands
 * of times a second. (The controller spins likewise.)
 */
export const HANDOFF_SPINS = 1000;

/** The scheduling point a worker parks at before its body's first line. */
export const START_POINT = 0;

export class Turnstile {
  private readonly words: Int32Array;
  private readonly slot: number;
  private granted: number;
  /** Once aborted, every later point throws at once: a body that catches the abort still unwinds. */
  private aborted = false;
  /** An eval-breaker point since the last step (the body's start counts: a thread starts by taking the GIL). */
  private breakerPassed = true;

  constructor(words: Int32Array, layout: Layout, workerId: number) {
    this.words = words;
    this.slot = layout.turnStart + workerId * TURN_STRIDE;
    this.granted = Atomics.load(words, this.slot + TurnSlot.grant);
  }

  /** Parks before the operation `kind` on `object` until granted a step. */
  park(kind: PointKind | typeof START_POINT, object: number): void {
    this.refuseIfAborted();
    this.set(TurnSlot.kind, kind);
    this.set(TurnSlot.object, object);
    this.set(TurnSlot.switchable, this.breakerPassed || (kind !== START_POINT && breaksEval(kind)) ? 1 : 0);
    this.set(TurnSlot.loop, loopPosition.loop);
    this.set(TurnSlot.iteration, loopPosition.iteration);
    this.announce(TurnState.AtPoint);
    this.awaitGrant();
    this.breakerPassed = false;
  }

  /** The worker passed an eval-breaker point in its own code. */
  passBreaker(): void {
    this.breakerPassed = true;
  }

  /** Parks as blocked until `words[word]` differs from `expected` (or, if timed, the controller times it out). */
  block(word: number, expected: number, timed: boolean, object: number): "ok" | "timed-out" {
    this.refuseIfAborted();
    this.set(TurnSlot.object, object);
    this.set(TurnSlot.word, word);
    this.set(TurnSlot.expected, expected);
    this.set(TurnSlot.timed, timed ? 1 : 0);
    this.announce(TurnState.Blocked);
    this.awaitGrant();
    this.breakerPassed = true;
    if (Atomics.load(this.words, this.slot + TurnSlot.verdict) !== Verdict.TimedOut) return "ok";
    timeOutCurrentWait();
    return "timed-out";
  }

  /** The body has ended (returned or, when `threw`, thrown): the controller stops moving this worker. */
  finish(threw = false): void {
    this.set(TurnSlot.threw, threw ? 1 : 0);
    this.announce(TurnState.Done);
  }

  private announce(state: TurnState): void {
    if (Atomics.load(this.words, Header.gateLines) === 1) this.set(TurnSlot.line, callerLine());
    this.set(TurnSlot.state, state);
    Atomics.add(this.words, this.slot + TurnSlot.parks, 1);
    Atomics.add(this.words, Header.gateSignal, 1);
    Atomics.notify(this.words, Header.gateSignal);
  }

  private awaitGrant(): void {
    const { words } = this;
    const at = this.slot + TurnSlot.grant;
    let grant = Atomics.load(words, at);
    for (let i = 0; i < HANDOFF_SPINS && grant === this.granted; i++) grant = Atomics.load(words, at);
    while (grant === this.granted) {
      Atomics.wait(words, at, grant);
      grant = Atomics.load(words, at);
    }
    this.granted = grant;
    this.set(TurnSlot.state, TurnState.Running);
    if (Atomics.load(words, this.slot + TurnSlot.verdict) === Verdict.Abort) {
      this.aborted = true;
      throw new ScheduleAbortedError();
    }
  }

  private refuseIfAborted(): void {
    if (this.aborted) throw new ScheduleAbortedError();
  }

  private set(offset: number, value: number): void {
    Atomics.store(this.words, this.slot + offset, value);
  }
}
