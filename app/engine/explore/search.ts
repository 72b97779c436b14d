/**
 * Preemption-bounded search: every schedule of a program with at most
 * `bound` preemptions, depth first (Musuvathi and Qadeer, "Iterative Context
 * Bounding for Systematic Testing of Multithreaded Programs", PLDI 2007, as
 * in CHESS). A preemption is moving another worker while the current one
 * could go on; moving on because the current one blocked or ended is free.
 * Most concurrency bugs need only one or two preemptions, so a small bound
 * finds them in few schedules, and "none up to 2" is a meaningful claim.
 *
 * The search is stateless: each schedule runs the program again from the
 * start, replaying a prefix of choices, then taking the default (the current
 * worker goes on; else the lowest-numbered one) at every later decision.
 * A choice is a position in the decision's options ordered with the default
 * first, so the same prefix always means the same schedule.
 */
import type { TaskDecision } from "../../runtime/asyncio/task-schedule";

/**
 * One decision of a schedule, as the search needs it: a worker's move (its
 * keys are drive.ts's optionKey) or an asyncio loop's arrival
 * (runtime/asyncio/task-schedule.ts, whose shape it shares).
 */
export interface Decision extends TaskDecision {
  /** With sleep sets (sleep-sets.ts): the positions whose moves slept here, never to be tried from this point. */
  readonly asleep?: readonly boolean[];
}

/** A schedule to run: the positions to take first, and the moves they were when chosen. */
export interface Prefix {
  readonly positions: readonly number[];
  readonly keys: readonly number[];
}

export interface Execution<F> {
  readonly decisions: readonly Decision[];
  /** What went wrong in this schedule, or null. */
  readonly failure: F | null;
  /** The run met other moves than its prefix was made for (drive.ts, follow): the program is not deterministic. */
  readonly diverged: boolean;
  /** A spinning worker had to yield (spin-yields.ts): sleep sets no longer apply. */
  readonly yielded?: boolean;
}

export interface SearchResult<F> {
  readonly schedules: number;
  /** The failing schedule's choices and what failed, or null. */
  readonly found: { readonly choices: number[]; readonly failure: F } | null;
  /** True when every schedule within the bound was tried (no cap or cancel cut it short, no run diverged). */
  readonly exhaustive: boolean;
  /** True when the bound left some schedule out: a higher bound has more to try. */
  readonly pruned: boolean;
  /** A run took another path on the same choices: what was tried is not what the prefixes meant. */
  readonly diverged: boolean;
}

export interface SearchLimits {
  /** Stop after this many schedules. */
  readonly cap: number;
  /** Asked before each schedule; true stops the search. */
  readonly cancelled?: () => boolean;
  /** Vary only the preemptive choices, every other one left at its default: for programs too wide for the whole search. */
  readonly preemptionsOnly?: boolean;
  /**
   * Runs of earlier, lower bounds by their positions: a schedule within a
   * lower bound is not run again (and not counted), only walked through to
   * reach the ones with more preemptions, as CHESS's iterative context
   * bounding keeps its work queue per bound.
   */
  readonly seen?: Map<string, Execution<unknown>>;
}

export function searchBounded<F>(bound: number, execute: (prefix: Prefix) => Execution<F>, limits: SearchLimits): SearchResult<F> {
  const schedules = boundedSchedules<F>(bound, limits);
  for (let next = schedules.next(); ; next = schedules.next(execute(next.value))) if (next.done) return next.value;
}

/** The same search where a schedule runs asynchronously (asyncio's tasks, on a runner worker). */
export async function searchBoundedAsync<F>(bound: number, execute: (prefix: Prefix) => Promise<Execution<F>>, limits: SearchLimits): Promise<SearchResult<F>> {
  const schedules = boundedSchedules<F>(bound, limits);
  for (let next = schedules.next(); ; next = schedules.next(await execute(next.value))) if (next.done) return next.value;
}

/** The search's order, apart from how a schedule runs: yields each prefix to run, and is sent what running it did. */
function* boundedSchedules<F>(bound: number, { cap, cancelled = () => false, preemptionsOnly = false, seen = new Map() }: SearchLimits): Generator<Prefix, SearchResult<F>, Execution<F>> {
  let prefix: Prefix = { positions: [], keys: [] };
  let schedules = 0;
  let pruned = false;
  let diverged = false;
  for (;;) {
    if (schedules >= cap || cancelled()) return { schedules, found: null, exhaustive: false, pruned: true, diverged };
    const key = prefix.positions.join(",");
    let run = seen.get(key) as Execution<F> | undefined;
    if (run === undefined) {
      run = yield prefix;
      schedules++;
      seen.set(key, run);
    }
    diverged ||= run.diverged;
    const choices = run.decisions.map((d) => d.position);
    if (run.failure !== null) return { schedules, found: { choices, failure: run.failure }, exhaustive: false, pruned: true, diverged };
    pruned ||= run.decisions.some((d) => d.preemptive.some((p, position) => position < d.count && d.preemptionsBefore + (p ? 1 : 0) > bound));
    const next = nextPrefix(run.decisions, bound, preemptionsOnly);
    if (next === null) return { schedules, found: null, exhaustive: !diverged, pruned, diverged };
    prefix = next;
  }
}

/** How many preemptions a schedule took. */
export function preemptions(decisions: readonly Decision[]): number {
  return decisions.reduce((count, d) => count + (d.preemptive[d.position] ? 1 : 0), 0);
}

/** The next schedule in depth-first order within the bound: the deepest decision with an untried option left. */
export function nextPrefix(decisions: readonly Decision[], bound: number, preemptionsOnly = false): Prefix | null {
  for (let i = decisions.length - 1; i >= 0; i--) {
    const decision = decisions[i]!;
    for (let position = decision.position + 1; position < decision.count; position++) {
      if ((preemptionsOnly && !decision.preemptive[position]) || decision.asleep?.[position]) continue;
      const preemptions = decision.preemptionsBefore + (decision.preemptive[position] ? 1 : 0);
      if (preemptions <= bound) return prefixOf([...decisions.slice(0, i), { ...decision, position }]);
    }
  }
  return null;
}

/** The prefix that makes `decisions`' choices again. */
export function prefixOf(decisions: readonly Decision[]): Prefix {
  return { positions: decisions.map((d) => d.position), keys: decisions.map((d) => d.keys[d.position]!) };
}
