/**
 * Explore's search, run by the controller on one gated run whose workers
 * stay alive (runtime/epochs.ts): it drives a schedule, has worker 0 judge
 * the result, restores the shared objects and starts the bodies again, all
 * through shared memory, with no message to the page until the search ends.
 *
 * Order (DESIGN.md, "Step and explore"): no preemptions, then every schedule
 * with at most 1, then 2, and so on while the cap and the time allow
 * (search.ts); a program too wide for that has its preemptions tried first.
 * Then, until the time budget ends, random walks alternating with PCT at
 * depths 1 to 3 (random-schedules.ts). A schedule found by chance is shrunk
 * (shrink.ts) to one that fails the same way. The budget cuts any part short.
 * A run that takes another path on the same choices (nondeterminism) ends
 * every claim of completeness.
 *
 * The search finds only which choices fail; the page then runs that one
 * schedule again, step by step, to tell what failed and where (explore.ts).
 */
import { EpochCommand, EpochFailure, sendEpoch } from "../../runtime/epochs";
import { Header, type Allocation } from "../../runtime/memory";
import { fnv1a } from "../../runtime/fnv1a";
import { TurnState } from "../../runtime/turnstile";
import { Controller, StuckWorkerError } from "./controller";
import { byPrefix, follow, type Chooser, type Reduction } from "./drive";
import { SleepSets } from "./sleep-sets";
import { pct, randomWalk } from "./random-schedules";
import { seededRandom } from "../../runtime/seeded-random";
import { preemptions, searchBounded, type Decision, type Execution, type Prefix } from "./search";
import { shrink } from "./shrink";

export interface SearchOptions {
  /** The highest preemption bound to search; the bound rises from 0 while time and the cap allow. */
  readonly maxPreemptions: number;
  /** At most this many schedules in the bounded search. */
  readonly cap: number;
  /** Time from the search's start after which it stops, whatever it is doing (shrinking may add half a second). */
  readonly budgetMs: number;
  /** Whether random walks and PCT fill what is left of the budget once the bounded search stops without a proof. */
  readonly random: boolean;
  /** Whether to try first every order with equivalent ones skipped (sleep-sets.ts). */
  readonly reduce: boolean;
  /** The words of the shared objects, restored before every schedule after the first. */
  readonly arena: { readonly start: number; readonly end: number };
  /** The shared objects, for telling which steps are independent (sleep-sets.ts). */
  readonly objects: readonly Pick<Allocation, "index" | "words" | "kind">[];
  readonly seed: number;
}

/** Words of the small shared buffer through which the page watches a search and cancels it. */
export const Progress = { schedules: 0, bound: 1, strategy: 2, cancel: 3, words: 4 } as const;

export const STRATEGIES = ["bounded", "random walk", "PCT", "preemptions first", "every order"] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Calls that make a scenario take other paths on the same choices, counted over the search. */
export interface Nondeterminism {
  readonly random: number;
  readonly clock: number;
}

export interface SearchReport {
  readonly schedules: number;
  /** The highest preemption bound searched completely (when `exhaustive`), or the one it was searching. */
  readonly bound: number;
  /** Every schedule with up to `bound` preemptions was tried. */
  readonly exhaustive: boolean;
  /** Every schedule at all was tried: no bound left one out. */
  readonly complete: boolean;
  /** Schedules tried by random walk and PCT. */
  readonly randomSchedules: number;
  readonly cancelled: boolean;
  readonly found: { readonly choices: readonly number[]; readonly strategy: Strategy; readonly preemptions: number } | null;
  /** Why the workers are left unable to go on (one ran without reaching a scheduling point): the run must be stopped. */
  readonly stranded: string | null;
  /** Set when a run took another path on the same choices: the search then claims no completeness. */
  readonly nondeterminism: Nondeterminism | null;
  /** Moves not tried because an equivalent schedule had been run (sleep-sets.ts). */
  readonly equivalentSkipped: number;
}

/** What went wrong in a schedule: its kind, and a signature that tells it from other failures of that kind. */
interface Failing {
  readonly kind: "error" | "broken" | "deadlock" | "livelock";
  readonly signature: number;
}

const sameFailure = (a: Failing) => (b: Failing | null) => b !== null && b.kind === a.kind && b.signature === a.signature;

/** Shrinking may go on this long after the budget: a found failure is worth showing even unshrunk. */
const SHRINK_MS = 500;
/**
 * Schedules without preemption that the bounded search may try before it
 * calls a program wide: with many workers, the free choices when one blocks
 * or ends alone outnumber the cap, and the search then moves the preemptions
 * first, each other choice left at its default.
 */
const WIDE_QUOTA = 400;

export function searchEpochs(memory: SharedArrayBuffer, workers: number, options: SearchOptions, progress: Int32Array): SearchReport {
  return new Search(new Epochs(memory, workers, options.arena), workers, options, progress).run();
}

type Found = NonNullable<SearchReport["found"]>;

/** One search, phase by phase, on one run's epochs; `progress` is shared with the page. */
class Search {
  private readonly started = performance.now();
  private schedules = 0;
  private strategy: Strategy = "bounded";
  private bound = 0;
  private diverged = false;

  constructor(
    private readonly epochs: Epochs,
    private readonly workers: number,
    private readonly options: SearchOptions,
    private readonly progress: Int32Array,
  ) {}

  run(): SearchReport {
    try {
      const reduced = this.options.reduce ? this.reducedPhase() : null;
      if (reduced?.complete || reduced?.found?.preemptions === 0) return this.report(reduced);
      // A failure it found may need fewer preemptions than its schedule took: the bounded search finds the fewest.
      const bounded = this.boundedPhase();
      if (bounded.found || bounded.complete) return this.report(bounded);
      if (reduced?.found) return this.report({ ...bounded, ...reduced });
      if (!this.options.random) return this.report(bounded);
      return this.report({ ...bounded, ...this.randomPhase() });
    } catch (thrown) {
      if (!(thrown instanceof StuckWorkerError)) throw thrown;
      const { decisions } = this.epochs;
      const found = { choices: decisions.map((d) => d.position), strategy: this.strategy, preemptions: preemptions(decisions) };
      return this.report({ stranded: thrown.message, found });
    }
  }

  /**
   * Every order at all, equivalent ones skipped (sleep-sets.ts), within a
   * tenth of the cap and an eighth of the bounded search's time: a small
   * program is proved in few schedules. Null when it cannot finish, runs
   * diverge, or a spinning worker yields (sleep sets are not known sound with
   * fairness); the bounded search then starts afresh. A failure found here
   * waits for the bounded search, which finds the fewest preemptions.
   */
  private reducedPhase(): Partial<SearchReport> | null {
    this.show("every order");
    const sets = new SleepSets(this.options.objects);
    let yielded = false;
    const quota = Math.floor(this.options.cap / 10);
    const until = this.boundedUntil() / 8;
    const result = searchBounded(
      Number.POSITIVE_INFINITY,
      (prefix) => {
        const run = this.execute(byPrefix(prefix.positions), prefix.keys, { sets, prefixLength: prefix.positions.length });
        yielded ||= run.yielded === true;
        return run;
      },
      { cap: quota, cancelled: () => yielded || this.cancelled(until) },
    );
    if (result.found) {
      const found = this.shrunk(this.epochs.decisions, result.found.failure, "every order");
      return { found, bound: found.preemptions };
    }
    if (yielded || result.diverged || !result.exhaustive) return null;
    return { exhaustive: true, complete: true, bound: 0, equivalentSkipped: sets.skipped };
  }

  /**
   * Every schedule with no preemption, then at most 1, and so on, until a
   * failure, the cap, the budget or a cancel. A wide program (WIDE_QUOTA)
   * gets its preemptions tried first instead.
   */
  private boundedPhase(): Partial<SearchReport> {
    let proved = -1;
    const seen = new Map<string, Execution<unknown>>();
    for (this.bound = 0; this.bound <= this.options.maxPreemptions; this.bound++) {
      this.show("bounded");
      // A search that may go on at random is out to find bugs; one that may not is out to prove, and takes its whole cap.
      const quota = this.bound === 0 && this.options.random ? Math.min(WIDE_QUOTA, this.options.cap) : this.options.cap - this.schedules;
      const result = searchBounded(this.bound, this.runPrefix, { cap: quota, cancelled: () => this.cancelled(this.boundedUntil()), seen });
      if (result.found) return { found: this.found(result.found, "bounded") };
      if (result.diverged) return { bound: Math.max(proved, 0), exhaustive: false };
      if (!result.exhaustive) {
        const wide = this.bound === 0 && quota < this.options.cap && !this.cancelled(this.boundedUntil());
        return wide ? this.preemptionsFirst() : { bound: Math.max(proved, 0), exhaustive: proved >= 0 };
      }
      proved = this.bound;
      if (!result.pruned) return { bound: proved, exhaustive: true, complete: true };
      if (this.schedules >= this.options.cap) break;
    }
    return { bound: proved, exhaustive: true };
  }

  /** For a wide program: schedules that differ from the default only in their preemptions, 0, 1, 2... of them. Proves nothing. */
  private preemptionsFirst(): Partial<SearchReport> {
    for (this.bound = 0; this.bound <= this.options.maxPreemptions && !this.cancelled(this.boundedUntil()) && this.schedules < this.options.cap; this.bound++) {
      this.show("preemptions first");
      const cap = this.options.cap - this.schedules;
      const result = searchBounded(this.bound, this.runPrefix, { cap, cancelled: () => this.cancelled(this.boundedUntil()), preemptionsOnly: true });
      if (result.found) return { found: this.found(result.found, "preemptions first") };
      if (!result.exhaustive) break;
    }
    return { bound: 0, exhaustive: false };
  }

  /** Random walks alternating with PCT at depths 1 to 3, until the budget ends; a failure found is shrunk. */
  private randomPhase(): Partial<SearchReport> {
    const before = this.schedules;
    const random = seededRandom(this.options.seed);
    let longest = 1;
    for (let i = 0; !this.cancelled(); i++) {
      this.show(i % 2 === 0 ? "random walk" : "PCT");
      const choose = this.strategy === "PCT" ? pct(random, this.workers, 1 + ((i >> 1) % 3), longest) : randomWalk(random);
      const run = this.execute(choose, []);
      longest = Math.max(longest, run.decisions.length);
      if (run.failure) return { randomSchedules: this.schedules - before, found: this.shrunk(run.decisions, run.failure, this.strategy) };
    }
    return { randomSchedules: this.schedules - before };
  }

  /** A failure found by the bounded search: its bound is already the fewest preemptions it needs. */
  private found({ choices }: { choices: number[] }, strategy: Strategy): Found {
    return { choices, strategy, preemptions: this.bound };
  }

  private shrunk(decisions: readonly Decision[], failure: Failing, strategy: Strategy): Found {
    const stop = () => this.cancelled(this.options.budgetMs + SHRINK_MS);
    return { ...shrink((choose) => this.execute(choose, []), decisions, sameFailure(failure), stop), strategy };
  }

  private show(strategy: Strategy): void {
    this.strategy = strategy;
    Atomics.store(this.progress, Progress.strategy, STRATEGIES.indexOf(strategy));
    Atomics.store(this.progress, Progress.bound, this.bound);
  }

  /** The bounded searches' schedule: a prefix of positions, checked against the moves they were chosen for. */
  private readonly runPrefix = (prefix: Prefix): Execution<Failing> => this.execute(byPrefix(prefix.positions), prefix.keys);

  private execute(choose: Chooser, expected: readonly number[], reduction: Reduction | null = null): Execution<Failing> {
    // Counted as it starts, so that one whose worker gets stuck counts too.
    Atomics.store(this.progress, Progress.schedules, ++this.schedules);
    const run = this.epochs.run(choose, expected, reduction);
    this.diverged ||= run.diverged;
    return run;
  }

  /** The page cancelled, or the time `untilMs` from the start (the budget) has passed. */
  private cancelled(untilMs = this.options.budgetMs): boolean {
    return Atomics.load(this.progress, Progress.cancel) === 1 || this.elapsed() >= untilMs;
  }

  /** The bounded search leaves half the budget to the random strategies when they follow. */
  private boundedUntil(): number {
    return this.options.random ? this.options.budgetMs / 2 : this.options.budgetMs;
  }

  private elapsed(): number {
    return performance.now() - this.started;
  }

  /** The search's report; the workers are told to quit, unless one is stuck and cannot hear. */
  private report(rest: Partial<SearchReport>): SearchReport {
    if (rest.stranded === undefined) this.epochs.quit();
    const cancelled = Atomics.load(this.progress, Progress.cancel) === 1;
    const base = { schedules: this.schedules, bound: this.bound, exhaustive: false, complete: false, randomSchedules: 0, found: null, stranded: null, equivalentSkipped: 0 };
    const report = { ...base, cancelled, nondeterminism: null, ...rest };
    if (!this.diverged) return report;
    // Choices that led elsewhere in some run: what was covered is unknown.
    return { ...report, exhaustive: false, complete: false, nondeterminism: this.epochs.nondeterminism() };
  }
}

/** The controller's side of the epochs: one schedule per call, on the same workers. */
class Epochs {
  private readonly words: Int32Array;
  private readonly controller: Controller;
  private snapshot: Int32Array | null = null;
  /** The decisions of the schedule running now, or run last. */
  decisions: Decision[] = [];

  constructor(
    memory: SharedArrayBuffer,
    workers: number,
    private readonly arena: SearchOptions["arena"],
  ) {
    this.words = new Int32Array(memory);
    this.controller = new Controller(memory, workers);
  }

  /**
   * Runs one schedule: `choose` picks at each decision, made for the moves
   * `expected`; then worker 0 judges the result. With sleep sets, a run
   * whose every move sleeps is cut short: an earlier schedule covered it.
   */
  run(choose: Chooser, expected: readonly number[], reduction: Reduction | null = null): Execution<Failing> {
    const decisions: Decision[] = (this.decisions = []);
    this.begin();
    const { parked, diverged, covered, yielded } = follow(this.controller, choose, decisions, null, expected, reduction);
    if (parked || covered) {
      const failure = parked === null ? null : parked.kind === "error" ? this.failure() : ({ kind: parked.kind === "livelock" ? "livelock" : "deadlock", signature: this.waits() } as const);
      this.controller.abortAll();
      return { decisions, failure, diverged, yielded };
    }
    const before = this.controller.parks()[0]!;
    sendEpoch(this.words, EpochCommand.Judge);
    this.controller.awaitWorker(0, before);
    return { decisions, failure: this.failure(), diverged, yielded };
  }

  quit(): void {
    sendEpoch(this.words, EpochCommand.Quit);
  }

  /** How often scenario code read randomness and clocks, over the search so far. */
  nondeterminism(): Nondeterminism {
    return { random: Atomics.load(this.words, Header.randomCalls), clock: Atomics.load(this.words, Header.clockCalls) };
  }

  /** How this epoch failed, as the workers recorded it (runtime/epochs.ts), or null. */
  private failure(): Failing | null {
    const failed = Atomics.load(this.words, Header.epochFailed);
    if (failed === 0) return null;
    return { kind: failed === EpochFailure.Error ? "error" : "broken", signature: Atomics.load(this.words, Header.epochSignature) };
  }

  /** Who waits on what, as a signature: the same deadlock leaves the same workers blocked on the same objects. */
  private waits(): number {
    const waits = this.controller.pending().filter((p) => p.state === TurnState.Blocked).map((p) => `${p.worker}:${p.object}`);
    return fnv1a(waits.join(",")) | 0;
  }

  /** The first time, waits for the workers to park before their first lines; later, restores the objects and restarts the bodies. */
  private begin(): void {
    if (this.snapshot === null) {
      this.controller.start();
      this.snapshot = this.words.slice(this.arena.start, this.arena.end);
      return;
    }
    this.words.set(this.snapshot, this.arena.start);
    Atomics.store(this.words, Header.epochFailed, 0);
    const before = this.controller.parks();
    sendEpoch(this.words, EpochCommand.Next);
    this.controller.awaitEach(before);
  }
}
