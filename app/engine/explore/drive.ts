/**
 * Drives one schedule of a gated run with a Controller (controller.ts): the
 * part of explore and replay that must block, so it runs on a thread that
 * may (a worker in the browser: controller.worker.ts; any thread in Node).
 * What it is told and what it reports are plain data, to cross to a worker.
 *
 * At each decision the options are ordered with the default first (the
 * current worker goes on; else the lowest-numbered), and the plan picks a
 * position: the search's `prefix` of positions, then the default; or
 * replay's `steps`, the workers to move, in order.
 */
import { Controller, StuckWorkerError, type Option, type Pending } from "./controller";
import type { Decision } from "./search";
import { PointKind } from "../../runtime/gate";
import { workerName } from "../../runtime/protocol";
import { TurnState } from "../../runtime/turnstile";

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
}

/** Why a schedule left its workers parked for good. */
export interface Parked {
  readonly kind: "deadlock" | "livelock" | "stuck" | "diverged";
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
  const decisions: Decision[] = [];
  const steps: Step[] = [];
  const choose = "prefix" in plan ? byPrefix(plan.prefix) : bySteps(plan.steps, plan);
  try {
    controller.start();
    return { decisions, steps, parked: follow(controller, choose, decisions, steps) };
  } catch (thrown) {
    if (thrown instanceof StuckWorkerError) return { decisions, steps, parked: { kind: "stuck", message: thrown.message } };
    if (thrown instanceof ScheduleDivergedError) return { decisions, steps, parked: { kind: "diverged", message: thrown.message } };
    throw thrown;
  }
}

/** Takes decisions until every worker is done (null), or none can move (a deadlock), or the step cap; records the steps when given a list. */
export function follow(controller: Controller, choose: Chooser, decisions: Decision[], steps: Step[] | null): Parked | null {
  let current = -1;
  let preemptions = 0;
  for (;;) {
    const options = controller.options();
    if (options.length === 0) {
      return controller.allDone() ? null : { kind: "deadlock", message: "Deadlock: no worker can move, and not every worker has finished." };
    }
    if (decisions.length >= STEP_CAP) {
      return {
        kind: "livelock",
        message: `Possible livelock: the run took more than ${STEP_CAP.toLocaleString("en")} steps without ending. If the workers simply have that much to do, make the parameters smaller: step mode and explore want a few dozen steps per worker.`,
      };
    }
    const { ordered, preemptive } = decisionAt(controller, options, current);
    const position = choose(ordered, decisions.length);
    const option = ordered[position]!;
    decisions.push({ count: ordered.length, position, preemptive, preemptionsBefore: preemptions });
    if (preemptive[position]) preemptions++;
    if (steps) steps.push(takeRecorded(controller, option, preemptive[position]!));
    else controller.take(option);
    current = option.worker;
  }
}

/** A decision's options, the default first, and whether taking each is a preemption; `current` moved last (-1: none yet). */
export function decisionAt(controller: Controller, options: readonly Option[], current: number): { ordered: Option[]; preemptive: boolean[] } {
  const sleeping = current >= 0 && controller.sleeping(current);
  const ordered = orderOptions(options, current, sleeping);
  return { ordered, preemptive: preemptiveOptions(ordered, current, sleeping) };
}

/** Takes `option` and tells what the step was: what the worker was about to do, the value it read or wrote, whether it ended blocked. */
export function takeRecorded(controller: Controller, option: Option, preemption: boolean): Step {
  const pending = controller.pendingOf(option.worker);
  const before = valueAt(controller.words, pending, SWAP_KINDS);
  controller.take(option);
  const blocks = controller.pendingOf(option.worker).state === TurnState.Blocked;
  return { ...pending, timeout: option.timeout, preemption, value: valueAt(controller.words, pending, VALUE_KINDS), before, blocks };
}

/** Steps on one integer word (a SharedInt, a SharedArray element): their object is the word itself. */
const SWAP_KINDS: ReadonlySet<number> = new Set([PointKind.CompareAndSet, PointKind.Exchange]);
const VALUE_KINDS: ReadonlySet<number> = new Set([PointKind.Read, PointKind.Write, PointKind.Add, ...SWAP_KINDS]);

/** For a step of one of `kinds`, the value at its object now; else null. */
function valueAt(words: Int32Array, step: Pending, kinds: ReadonlySet<number>): number | null {
  return step.state === TurnState.AtPoint && kinds.has(step.kind) ? Atomics.load(words, step.object) : null;
}

/**
 * The default first, then the rest in worker order, a wake-up before a
 * timeout. The default: the current worker goes on; but one about to sleep
 * (`ctx.io`) goes last, since the others would move while it slept.
 */
export function orderOptions(options: readonly Option[], current: number, sleeping = false): Option[] {
  const place = (worker: number) => (worker !== current ? worker : sleeping ? Number.MAX_SAFE_INTEGER / 4 : -1);
  const rank = (o: Option) => place(o.worker) * 2 + (o.timeout ? 1 : 0);
  return [...options].sort((a, b) => rank(a) - rank(b));
}

/**
 * For each ordered option, whether taking it is a preemption: moving another
 * worker while the current one could go on; or, when the current one is
 * about to sleep, moving it on before the others (its sleep cut short).
 */
function preemptiveOptions(ordered: readonly Option[], current: number, sleeping: boolean): boolean[] {
  const goesOn = ordered.some((o) => o.worker === current);
  const others = ordered.some((o) => o.worker !== current);
  return ordered.map((o) => (sleeping ? o.worker === current && others : goesOn && o.worker !== current));
}

/**
 * Picks the position to take among a decision's ordered options (0: the
 * default), or throws ScheduleDivergedError when the wanted move is not among them.
 */
export type Chooser = (ordered: readonly Option[], step: number) => number;

/** The search's chooser: `prefix` positions first, then the default at every decision. */
export function byPrefix(prefix: readonly number[]): Chooser {
  return (ordered, step) => Math.min(prefix[step] ?? 0, ordered.length - 1);
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
    const what = who ? `the schedule moves worker ${who}, but ${who} could not move` : "the schedule has ended, but the run has not";
    super(
      `Not deterministic: at step ${step + 1} ${what}. The scenario's behaviour depends on time or randomness (ctx.now, Math.random), so this schedule cannot replay it.`,
    );
  }
}
