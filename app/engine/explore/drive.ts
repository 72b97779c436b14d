/**
 * Drives one schedule of a gated run with a Controller (controller.ts): the
 * part of explore and replay that must block, so it runs on a thread that
 * may (a worker in the browser: controller.worker.ts; any thread in Node).
 * What it is told and what it reports are plain data, to cross to a worker.
 *
 * At each decision the options are ordered with the default first (the
 * current worker goes on; else the lowest-numbered; see Turns), and the plan
 * picks a position: the search's `prefix` of positions, then the default; or
 * replay's `steps`, the workers to move, in order.
 */
import { Controller, StuckWorkerError, type Option, type Pending } from "./controller";
import type { Decision } from "./search";
import { PointKind } from "../../runtime/gate";
import { MAX_WORKERS } from "../../runtime/memory";
import { SpinYields } from "./spin-yields";
import type { SleepSets } from "./sleep-sets";
import { workerName } from "../../runtime/protocol";
import { TurnState } from "../../runtime/turnstile";
import { engineMessage } from "../messages/message";

/** A run longer than this many steps is reported as a possible livelock. */
export const STEP_CAP = 10_000;

export type Plan = { readonly prefix: readonly number[] } | { readonly steps: readonly Option[]; readonly complete: boolean };

/** One step of a schedule: who moved, what it was about to do when chosen, and what came of it. */
export interface Step extends Pending {
  readonly timeout: boolean;
  /** Moving this worker interrupted another that could have gone on. */
  readonly preemption: boolean;
  /** For a read, write or read-modify-write: the object's value after the step (what was read, or written). */
  readonly value: number | null;
  /** For a compare-and-set or an exchange: the object's value before the step. */
  readonly before: number | null;
  /** The step ended with the worker blocked: the lock was held, the queue empty, the barrier not full. */
  readonly blocks: boolean;
  /**
   * What the worker it interrupted was about to do, when CPython's GIL could
   * not have been taken from that worker there (gil-switches.ts); else null.
   */
  readonly gilRulesOut: Pending | null;
}

/** Why a schedule left its workers parked for good. */
export interface Parked {
  /** `error`: a body threw, and the others are left unable to finish. */
  readonly kind: "error" | "deadlock" | "livelock" | "stuck" | "diverged";
  readonly message: string;
}

export interface DriveReport {
  readonly decisions: readonly Decision[];
  readonly steps: readonly Step[];
  /** Null when every worker ended. */
  readonly parked: Parked | null;
}

/**
 * Drives one gated run through a schedule: waits for every worker to park,
 * then takes decisions as the plan says until every worker has ended, none
 * can move, or the step cap. Blocks its thread throughout.
 */
export function driveSchedule(memory: SharedArrayBuffer, workers: number, plan: Plan): DriveReport {
  const controller = new Controller(memory, workers);
  // One schedule, to show: each step's line is worth its stack trace.
  controller.recordLines();
  const decisions: Decision[] = [];
  const steps: Step[] = [];
  const choose = "prefix" in plan ? byPrefix(plan.prefix) : bySteps(plan.steps, plan);
  try {
    controller.start();
    return { decisions, steps, parked: follow(controller, choose, decisions, steps).parked };
  } catch (thrown) {
    if (thrown instanceof StuckWorkerError) return { decisions, steps, parked: { kind: "stuck", message: thrown.message } };
    if (thrown instanceof ScheduleDivergedError) return { decisions, steps, parked: { kind: "diverged", message: thrown.message } };
    throw thrown;
  }
}

/** How a schedule ended, and whether it left the path its choices were made on. */
export interface Followed {
  /** Null when every worker ended, or the run was cut short as `covered`. */
  readonly parked: Parked | null;
  /** A chosen move was not the one `expected` named: the run went otherwise on the same choices. */
  readonly diverged: boolean;
  /** Every move left slept (sleep-sets.ts): whatever follows, an earlier schedule did the same. Cut short. */
  readonly covered: boolean;
  /** Fair scheduling made a spinning worker yield (spin-yields.ts). */
  readonly yielded: boolean;
}

/** Sleep sets for a search without a bound: the positions up to `prefixLength` were chosen by the search, the rest by default. */
export interface Reduction {
  readonly sets: SleepSets;
  readonly prefixLength: number;
}

/**
 * Takes decisions until every worker is done, or none can move (a deadlock,
 * or the consequence of an error), or the step cap; records the steps when
 * given a list. `expected` are the option keys (`optionKey`) the choices
 * were made for, as far as they are known.
 */
export function follow(
  controller: Controller,
  choose: Chooser,
  decisions: Decision[],
  steps: Step[] | null,
  expected: readonly number[] = [],
  reduction: Reduction | null = null,
): Followed {
  const turns = new Turns(controller);
  reduction?.sets.reset();
  let diverged = false;
  const end = (parked: Parked | null, covered = false): Followed => ({ parked, diverged, covered, yielded: turns.yielded });
  for (;;) {
    const options = controller.options();
    if (options.length === 0) return end(controller.allDone() ? null : stuckBehind(controller));
    if (decisions.length >= STEP_CAP) return end(livelock());
    const { ordered, preemptive, fair } = turns.at(options);
    const asleep = reduction?.sets.flags(ordered, fair);
    const position = awake(choose(ordered, decisions.length, fair), asleep, decisions.length >= (reduction?.prefixLength ?? 0));
    if (position < 0) return end(null, true);
    const option = ordered[position]!;
    const key = optionKey(option);
    diverged ||= decisions.length < expected.length && expected[decisions.length] !== key;
    decisions.push({ count: fair, position, preemptive, preemptionsBefore: turns.preemptions, keys: ordered.slice(0, fair).map(optionKey), asleep });
    if (reduction) sleepAfter(controller, reduction, ordered, position, asleep!, decisions.length - 1);
    const step = turns.take(option, preemptive[position]!);
    steps?.push(step);
  }
}

/** The position to take: `chosen`, or past the search's prefix, the first move not asleep (-1 if all are). */
function awake(chosen: number, asleep: readonly boolean[] | undefined, pastPrefix: boolean): number {
  if (!asleep || !pastPrefix || !asleep[chosen]) return chosen;
  return asleep.indexOf(false);
}

/** Updates the sleep sets for the move at `position`; within the prefix, the moves before it were explored by earlier schedules. */
function sleepAfter(controller: Controller, { sets, prefixLength }: Reduction, ordered: readonly Option[], position: number, asleep: readonly boolean[], at: number): void {
  const explored = at < prefixLength ? ordered.slice(0, position).filter((_, q) => !asleep[q]) : [];
  if (at >= prefixLength) sets.skipped += asleep.filter(Boolean).length;
  const taken = ordered[position]!;
  sets.took(taken, controller.pendingOf(taken.worker), explored.map((option) => ({ option, pending: controller.pendingOf(option.worker) })));
}

/** An option as one number, to tell whether a replayed choice is still the same move. */
export function optionKey(option: Option): number {
  return option.worker * 2 + (option.timeout ? 1 : 0);
}

/** No worker can move and one has not finished: because a body threw (the others wait on what it left), or a deadlock. */
function stuckBehind(controller: Controller): Parked {
  if (controller.anyThrew()) return { kind: "error", message: engineMessage("drive.workerThrew") };
  return { kind: "deadlock", message: engineMessage("drive.deadlock") };
}

function livelock(): Parked {
  return {
    kind: "livelock",
    message: engineMessage("drive.livelock", { steps: STEP_CAP }),
  };
}

/** A decision's options: the default first, the ones the search may take (`fair` of them) before the rest, and which are preemptions. */
export interface Ordered {
  readonly ordered: Option[];
  readonly preemptive: boolean[];
  readonly fair: number;
}

/**
 * One schedule's turns as it runs: who moved last, how many preemptions so
 * far, and who spins (spin-yields.ts). Time passes only when it must: a
 * worker about to sleep (`ctx.io`) lets the others move first, and a timed
 * wait ends by its timeout only after every worker that can move now;
 * either, taken before them, is a preemption.
 */
export class Turns {
  private current = -1;
  preemptions = 0;
  private readonly spins: SpinYields;

  constructor(private readonly controller: Controller) {
    this.spins = new SpinYields(controller.words, controller.workers);
  }

  at(options: readonly Option[]): Ordered {
    const unfair = this.spins.unfair(options);
    let fair = options.filter((o) => !unfair.has(o.worker));
    if (fair.length === 0) fair = [...options];
    const rest = options.filter((o) => !fair.includes(o));
    const current = this.current;
    const sleeping = current >= 0 && this.controller.sleeping(current);
    const place = (o: Option) => (o.timeout ? 3 * MAX_WORKERS + o.worker : o.worker !== current ? o.worker : sleeping ? 2 * MAX_WORKERS : -1);
    const byPlace = (a: Option, b: Option) => place(a) - place(b);
    fair.sort(byPlace);
    rest.sort(byPlace);
    const goesOn = !sleeping && fair.some((o) => o.worker === current && !o.timeout);
    const othersMove = fair.some((o) => o.worker !== current && !o.timeout);
    const anyMoves = fair.some((o) => !o.timeout);
    const preemptive = (o: Option) => (o.timeout ? anyMoves : o.worker === current ? sleeping && othersMove : goesOn);
    return { ordered: [...fair, ...rest], preemptive: [...fair.map(preemptive), ...rest.map(() => true)], fair: fair.length };
  }

  /** Whether a spinning worker has had to yield in this schedule. */
  get yielded(): boolean {
    return this.spins.yields > 0;
  }

  /** Takes `option` and tells what the step was: what the worker was about to do, the value it read or wrote, whether it ended blocked. */
  take(option: Option, preemption: boolean): Step {
    const { controller } = this;
    const pending = controller.pendingOf(option.worker);
    const before = valueAt(controller.words, pending, SWAP_KINDS);
    const gilRulesOut = this.interruptsWhereGilStays(option);
    controller.take(option);
    this.spins.moved(pending);
    this.current = option.worker;
    if (preemption) this.preemptions++;
    const blocks = controller.pendingOf(option.worker).state === TurnState.Blocked;
    return { ...pending, timeout: option.timeout, preemption, value: valueAt(controller.words, pending, VALUE_KINDS), before, blocks, gilRulesOut };
  }

  /** The current worker's next step, when moving another now takes the GIL where CPython never would. */
  private interruptsWhereGilStays(option: Option): Pending | null {
    if (this.current < 0 || option.worker === this.current) return null;
    const current = this.controller.pendingOf(this.current);
    return current.state === TurnState.AtPoint && !current.switchable ? current : null;
  }
}

/** Steps on one integer word (a SharedInt, a SharedArray element): their object is the word itself. */
const SWAP_KINDS: ReadonlySet<number> = new Set([PointKind.CompareAndSet, PointKind.Exchange]);
const VALUE_KINDS: ReadonlySet<number> = new Set([PointKind.Read, PointKind.Write, PointKind.Add, ...SWAP_KINDS]);

/** For a step of one of `kinds`, the value at its object now; else null. */
function valueAt(words: Int32Array, step: Pending, kinds: ReadonlySet<number>): number | null {
  return step.state === TurnState.AtPoint && kinds.has(step.kind) ? Atomics.load(words, step.object) : null;
}

/**
 * Picks the position to take among a decision's ordered options (0: the
 * default; a search takes one of the first `fair`), or throws
 * ScheduleDivergedError when the wanted move is not among them.
 */
export type Chooser = (ordered: readonly Option[], step: number, fair: number) => number;

/** The search's chooser: `prefix` positions first, then the default at every decision. */
export function byPrefix(prefix: readonly number[]): Chooser {
  return (_, step, fair) => Math.min(prefix[step] ?? 0, fair - 1);
}

/**
 * Replay's chooser: the given moves in order; a move that cannot be made
 * means the run went differently. After the last move, a `complete`
 * schedule expects the run to have ended; a partial one goes on by default.
 */
function bySteps(steps: readonly Option[], { complete }: { complete: boolean }): Chooser {
  return (ordered, step) => {
    const wanted = steps[step];
    if (wanted === undefined && complete) throw new ScheduleDivergedError(step, null);
    if (wanted === undefined) return 0;
    const position = ordered.findIndex((o) => o.worker === wanted.worker && o.timeout === wanted.timeout);
    if (position < 0) throw new ScheduleDivergedError(step, wanted);
    return position;
  };
}

export class ScheduleDivergedError extends Error {
  override name = "ScheduleDivergedError";
  constructor(step: number, wanted: Option | null) {
    const who = wanted && workerName(wanted.worker);
    const what = who ? engineMessage("drive.couldNotMove", { worker: who }) : engineMessage("drive.runGoesOn");
    super(engineMessage("drive.diverged", { step: step + 1, what }));
  }
}
