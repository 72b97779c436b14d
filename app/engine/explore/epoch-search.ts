/**
 * Explore's search, run by the controller on one gated run whose workers
 * stay alive (runtime/epochs.ts): it drives a schedule, has worker 0 judge
 * the result, restores the shared objects and starts the bodies again, all
 * through shared memory, with no message to the page until the search ends.
 *
 * Order (DESIGN.md, "Step and explore"): no preemptions, then every schedule
 * with at most 1, then 2 (search.ts, up to a cap); then, until the time
 * budget ends, random walks alternating with PCT at depths 1 to 3
 * (random-schedules.ts). A schedule found by chance is shrunk (`shrink`).
 * A time limit cuts any part short.
 *
 * The search finds only which choices fail; the page then runs that one
 * schedule again, step by step, to tell what failed and where (explore.ts).
 */
import { EpochCommand, EpochFailure, sendEpoch } from "../../runtime/epochs";
import { Header } from "../../runtime/memory";
import { Controller, StuckWorkerError } from "./controller";
import { byPrefix, follow, type Chooser } from "./drive";
import { pct, randomWalk, seededRandom } from "./random-schedules";
import { preemptions, searchBounded, type Decision, type Execution } from "./search";

export interface SearchOptions {
  readonly maxPreemptions: number;
  /** At most this many schedules in the bounded search. */
  readonly cap: number;
  /** Time from the search's start after which the random strategies stop (0: none). */
  readonly budgetMs: number;
  /** Time from the start after which the whole search stops, cut short, even in its bounded part. */
  readonly limitMs: number;
  /** The words of the shared objects, restored before every schedule after the first. */
  readonly arena: { readonly start: number; readonly end: number };
  readonly seed: number;
}

/** Words of the small shared buffer through which the page watches a search and cancels it. */
export const Progress = { schedules: 0, bound: 1, strategy: 2, cancel: 3, words: 4 } as const;

export const STRATEGIES = ["bounded", "random walk", "PCT"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface SearchReport {
  readonly schedules: number;
  /** The highest preemption bound searched. */
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
}

/** What went wrong in a schedule, as far as the search tells them apart. */
type Failing = "error" | "broken" | "deadlock" | "livelock";

/** Shrinking stops after this long: a found failure is worth showing even unshrunk. */
const SHRINK_MS = 2_000;

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

  constructor(
    private readonly epochs: Epochs,
    private readonly workers: number,
    private readonly options: SearchOptions,
    private readonly progress: Int32Array,
  ) {}

  run(): SearchReport {
    try {
      const bounded = this.boundedPhase();
      if (bounded.found || bounded.complete) return this.report(bounded);
      return this.report({ ...bounded, ...this.randomPhase() });
    } catch (thrown) {
      if (!(thrown instanceof StuckWorkerError)) throw thrown;
      const { decisions } = this.epochs;
      const found = { choices: decisions.map((d) => d.position), strategy: this.strategy, preemptions: preemptions(decisions) };
      return this.report({ stranded: thrown.message, found });
    }
  }

  /** Every schedule with no preemption, then at most 1, and so on, until a failure, the cap, the limit or a cancel. */
  private boundedPhase(): Partial<SearchReport> {
    for (; this.bound <= this.options.maxPreemptions; this.bound++) {
      Atomics.store(this.progress, Progress.bound, this.bound);
      const cap = this.options.cap - this.schedules;
      const result = searchBounded(this.bound, (prefix) => this.execute(byPrefix(prefix)), { cap, cancelled: () => this.cancelled() });
      if (result.found) return { found: { choices: result.found.choices, strategy: "bounded", preemptions: this.bound } };
      if (!result.exhaustive) return { exhaustive: false };
      if (!result.pruned) return { exhaustive: true, complete: true };
    }
    this.bound = this.options.maxPreemptions;
    return { exhaustive: true };
  }

  /** Random walks alternating with PCT at depths 1 to 3, until the budget ends; a failure found is shrunk. */
  private randomPhase(): Partial<SearchReport> {
    const before = this.schedules;
    const random = seededRandom(this.options.seed);
    let longest = 1;
    for (let i = 0; this.elapsed() < this.options.budgetMs && !this.cancelled(); i++) {
      this.strategy = i % 2 === 0 ? "random walk" : "PCT";
      Atomics.store(this.progress, Progress.strategy, STRATEGIES.indexOf(this.strategy));
      const choose = this.strategy === "PCT" ? pct(random, this.workers, 1 + ((i >> 1) % 3), longest) : randomWalk(random);
      const run = this.execute(choose);
      longest = Math.max(longest, run.decisions.length);
      if (run.failure) {
        const randomSchedules = this.schedules - before;
        const stop = () => this.elapsed() >= this.options.budgetMs + SHRINK_MS || this.cancelled();
        const found: Found = { ...shrink((c) => this.execute(c), run.decisions, run.failure, stop), strategy: this.strategy };
        return { randomSchedules, found };
      }
    }
    return { randomSchedules: this.schedules - before };
  }

  private execute(choose: Chooser): Execution<Failing> {
    // Counted as it starts, so that one whose worker gets stuck counts too.
    Atomics.store(this.progress, Progress.schedules, ++this.schedules);
    return this.epochs.run(choose);
  }

  /** The page cancelled, or the time limit has passed. */
  private cancelled(): boolean {
    return Atomics.load(this.progress, Progress.cancel) === 1 || this.elapsed() >= this.options.limitMs;
  }

  private elapsed(): number {
    return performance.now() - this.started;
  }

  /** The search's report; the workers are told to quit, unless one is stuck and cannot hear. */
  private report(rest: Partial<SearchReport>): SearchReport {
    if (rest.stranded === undefined) this.epochs.quit();
    const cancelled = Atomics.load(this.progress, Progress.cancel) === 1;
    const base = { schedules: this.schedules, bound: this.bound, exhaustive: false, complete: false, randomSchedules: 0, found: null, stranded: null };
    return { ...base, cancelled, ...rest };
  }
}

/**
 * A simpler failing schedule: first the shortest prefix of its choices that
 * still fails the same way (the default after it), found by halving; then
 * each choice that is not the default is tried as the default, and kept so
 * when the run still fails the same way with no more preemptions.
 */
function shrink(execute: (choose: Chooser) => Execution<Failing>, decisions: readonly Decision[], failure: Failing, stop: () => boolean) {
  let choices = decisions.map((d) => d.position);
  let fewest = preemptions(decisions);
  const keeps = (candidate: readonly number[]): boolean => {
    const run = execute(byPrefix(candidate));
    if (run.failure !== failure || preemptions(run.decisions) > fewest) return false;
    choices = run.decisions.map((d) => d.position);
    fewest = preemptions(run.decisions);
    return true;
  };
  let short = 0;
  let long = choices.length;
  while (short < long && !stop()) {
    const middle = (short + long) >> 1;
    if (keeps(choices.slice(0, middle))) long = Math.min(middle, choices.length);
    else short = middle + 1;
  }
  for (let i = 0; i < choices.length && !stop(); i++) {
    if (choices[i] !== 0) keeps([...choices.slice(0, i), 0, ...choices.slice(i + 1)]);
  }
  return { choices, preemptions: fewest };
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

  /** Runs one schedule: `choose` picks at each decision; then worker 0 judges the result. */
  run(choose: Chooser): Execution<Failing> {
    const decisions: Decision[] = (this.decisions = []);
    this.begin();
    const parked = follow(this.controller, choose, decisions, null);
    if (parked) {
      this.controller.abortAll();
      return { decisions, failure: parked.kind === "livelock" ? "livelock" : "deadlock" };
    }
    const before = this.controller.parks()[0]!;
    sendEpoch(this.words, EpochCommand.Judge);
    this.controller.awaitWorker(0, before);
    const failed = Atomics.load(this.words, Header.epochFailed);
    return { decisions, failure: failed === EpochFailure.Error ? "error" : failed === EpochFailure.Broken ? "broken" : null };
  }

  quit(): void {
    sendEpoch(this.words, EpochCommand.Quit);
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
