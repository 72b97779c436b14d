/**
 * One run of a scenario on real workers: allocate the run memory, prepare a
 * runner per worker (the first one initialises the shared objects and tells
 * how many workers the parameters ask for), start the bodies together behind
 * the start gate, then compute the result and check the goals.
 *
 * Every way a run can end settles `outcome` exactly once: done, an error
 * (with worker and line), stopped (by the student or the time limit), or a
 * deadlock (found by the watchdog, with its wait-for cycle).
 * Stopping terminates the run's workers, since a worker busy in a loop or
 * parked in Atomics.wait cannot answer, and comlink never settles a call to a
 * terminated worker: the run settles it instead.
 */
import { Header, MAX_WORKERS, createRunMemory, layoutOf, type Allocation, type MemoryOptions } from "../runtime/memory";
import type { BodyReport, GoalCheck, GoalOutcome, LiveConsoleLine, Outcome, ScenarioErrorInfo } from "../runtime/protocol";
import type { ParamValue } from "../runtime/params";
import type { RunnerHandle, WorkerPool } from "./pool";
import { watch, type Deadlock } from "./watchdog";
import { language } from "../runtime/i18n/i18n";
import { engineMessage } from "./messages/message";

export const DEFAULT_TIME_LIMIT_MS = 30_000;
/** The name of the error an asyncio loop ends with when no task can run (runtime/asyncio/loop.ts). */
const LOOP_DEADLOCK = "LoopDeadlockError";

export interface RunRequest {
  readonly js: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly goals: readonly GoalCheck[];
  readonly timeLimitMs?: number;
  readonly memory?: MemoryOptions;
  /**
   * Makes the run gated: every scheduling point waits for a grant. Called
   * once every body has been started, to drive the run (explore/controller.ts)
   * on a thread that may block; the deadlock watchdog stays off, since the
   * controller sees every wait.
   */
  readonly drive?: (memory: SharedArrayBuffer, workers: number) => void | Promise<void>;
  /** With `drive`: the bodies repeat, one epoch per schedule, until the driver says quit (runtime/epochs.ts). */
  readonly epochs?: boolean;
}

export type StopReason = "stop" | "time-limit";

export type RunOutcome =
  | {
      readonly status: "done";
      readonly result: unknown;
      readonly goals: readonly GoalOutcome[];
      readonly workers: readonly BodyReport[];
      /** From the first body's start to the last body's end. */
      readonly bodyMs: number;
      readonly elapsedMs: number;
      /** How many times the simulated GIL changed hands (0 without a GIL). */
      readonly gilSwitches: number;
    }
  | { readonly status: "error"; readonly error: ScenarioErrorInfo; readonly elapsedMs: number }
  | { readonly status: "stopped"; readonly reason: StopReason; readonly message: string; readonly elapsedMs: number }
  | { readonly status: "deadlock"; readonly deadlock: Deadlock; readonly elapsedMs: number };

export interface RunHandle {
  readonly outcome: Promise<RunOutcome>;
  /** The run's shared memory, which the page may read while it runs. */
  readonly memory: SharedArrayBuffer;
  /** The shared objects' places in `memory`; empty until the first worker is prepared. */
  readonly objects: readonly Allocation[];
  /** Time zero of the run on the shared clock, for its trace. */
  readonly origin: number;
  /** How many workers the run has; 0 until the first worker is prepared. */
  readonly workerCount: number;
  /** What the workers have logged so far, line by line as they wrote it (free runs): a run stopped or stuck still shows it. */
  readonly consoleLines: readonly LiveLine[];
  stop(reason?: StopReason): void;
}

/** A console line of the run, as its worker sent it. */
export type LiveLine = Omit<LiveConsoleLine, "liveConsole">;

export function startRun(pool: WorkerPool, request: RunRequest): RunHandle {
  return new Run(pool, request);
}

class StoppedError extends Error {}

class Run implements RunHandle {
  readonly memory: SharedArrayBuffer;
  readonly outcome: Promise<RunOutcome>;
  objects: readonly Allocation[] = [];
  workerCount = 0;
  readonly consoleLines: LiveLine[] = [];
  private readonly taken: RunnerHandle[] = [];
  private readonly unlisten: (() => void)[] = [];
  private readonly startedAt = performance.now();
  /** The run's time zero on the clock workers share (see PrepareRequest.origin). */
  readonly origin = performance.timeOrigin + performance.now();
  private readonly timeLimitMs: number;
  private readonly timer: ReturnType<typeof setTimeout>;
  /** Settles the outcome from outside the run's own flow: a stop, or the watchdog. */
  private settleEarly: (outcome: RunOutcome) => void = () => {};
  private unwatch: () => void = () => {};
  private ended = false;

  constructor(
    private readonly pool: WorkerPool,
    private readonly request: RunRequest,
  ) {
    this.memory = createRunMemory(request.memory);
    this.timeLimitMs = request.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
    const early = new Promise<RunOutcome>((resolve) => (this.settleEarly = resolve));
    this.outcome = Promise.race([this.execute(), early]);
    this.timer = setTimeout(() => this.stop("time-limit"), this.timeLimitMs);
  }

  stop(reason: StopReason = "stop"): void {
    if (this.ended) return;
    this.end(false);
    const message = reason === "stop" ? engineMessage("run.stopped") : engineMessage("run.timeLimit", { seconds: this.timeLimitMs / 1000 });
    this.settleEarly({ status: "stopped", reason, message, elapsedMs: this.elapsed() });
  }

  private deadlocked(deadlock: Deadlock): void {
    if (this.ended) return;
    this.end(false);
    this.settleEarly({ status: "deadlock", deadlock, elapsedMs: this.elapsed() });
  }

  private async execute(): Promise<RunOutcome> {
    try {
      this.take(1);
      const prepared = await this.call(0, (r) => r.prepare(this.prepareRequest(0, true)));
      if (!prepared.ok) return this.fail(prepared.error, true);
      this.objects = prepared.value.objects;
      const count = prepared.value.workers;
      if (count > MAX_WORKERS) return this.fail(tooManyWorkers(count), true);
      this.workerCount = count;
      this.take(count - 1);
      const rest = await Promise.all(
        this.taken.slice(1).map((_, i) => this.call(i + 1, (r) => r.prepare(this.prepareRequest(i + 1, false)))),
      );
      const badPrepare = rest.find((o) => !o.ok);
      if (badPrepare && !badPrepare.ok) return this.fail(badPrepare.error, true);
      const started = firstErrorOrAll(this.taken.map((_, i) => this.call(i, (r) => r.runBody(count))));
      // Awaited below; but a run stopped while its driver still holds it (step mode) never gets there, and a
      // body that ends just after the stop must not leave the rejection unobserved.
      started.catch(() => {});
      if (this.request.drive) {
        await this.request.drive(this.memory, count);
        if (this.ended) {
          // Stopped by its driver: the bodies' calls can only end in StoppedError now.
          throw new StoppedError();
        }
      } else {
        const watched = { memory: this.memory, layout: layoutOf(new Int32Array(this.memory)), workers: count, objects: this.objects };
        this.unwatch = watch(() => watched, (deadlock) => this.deadlocked(deadlock));
      }
      const bodies = await started;
      if (!bodies.ok && bodies.error.name === LOOP_DEADLOCK) return this.loopDeadlocked(bodies.error.message);
      if (!bodies.ok) return this.fail(bodies.error, false);
      const finish = await this.call(0, (r) => r.finish(this.request.goals));
      if (!finish.ok) return this.fail(finish.error, true);
      const workers = bodies.value;
      const bodyMs = Math.max(...workers.map((w) => w.finishedAt)) - Math.min(...workers.map((w) => w.startedAt));
      this.end(true);
      const gilSwitches = Atomics.load(new Int32Array(this.memory), Header.gilSwitches);
      return { status: "done", ...finish.value, workers, bodyMs, gilSwitches, elapsedMs: this.elapsed() };
    } catch (thrown) {
      // Stopped while this flow awaited: `stop` has already settled the outcome.
      if (thrown instanceof StoppedError) return new Promise<never>(() => {});
      throw thrown;
    }
  }

  private prepareRequest(workerId: number, init: boolean) {
    const { js, params, goals, drive, epochs } = this.request;
    return { js, memory: this.memory, workerId, params, init, origin: this.origin, gated: drive !== undefined, epochs: epochs ? { goals } : undefined, language: language() };
  }

  private take(count: number): void {
    if (this.ended) throw new StoppedError();
    const handles = this.pool.take(count);
    for (const handle of handles) this.unlisten.push(handle.listen(({ worker, line }) => this.consoleLines.push({ worker, line })));
    this.taken.push(...handles);
  }

  /** Calls worker `index`, treating its crash as an error outcome; throws if the run ended meanwhile. */
  private async call<T>(index: number, method: (runner: RunnerHandle["runner"]) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    const handle = this.taken[index]!;
    const outcome = await handle.crash.race(method(handle.runner), (error): Outcome<T> => ({ ok: false, error: { ...error, workerId: index } }));
    if (this.ended) throw new StoppedError();
    return outcome;
  }

  /** An asyncio loop found that no task can run (asyncio/loop.ts): the run's deadlock verdict, from the loop itself. */
  private loopDeadlocked(message: string): RunOutcome {
    this.end(false);
    return { status: "deadlock", deadlock: { edges: [], cycle: false, message }, elapsedMs: this.elapsed() };
  }

  private fail(error: ScenarioErrorInfo, healthy: boolean): RunOutcome {
    this.end(healthy);
    return { status: "error", error, elapsedMs: this.elapsed() };
  }

  /** Ends the run once: healthy runners go back to the pool, others are terminated. */
  private end(healthy: boolean): void {
    this.ended = true;
    clearTimeout(this.timer);
    this.unwatch();
    for (const stop of this.unlisten.splice(0)) stop();
    const handles = this.taken.splice(0);
    if (healthy) this.pool.give(handles);
    else this.pool.discard(handles);
  }

  private elapsed(): number {
    return performance.now() - this.startedAt;
  }
}

function tooManyWorkers(count: number): ScenarioErrorInfo {
  return {
    name: "RangeError",
    phase: "setup",
    message: engineMessage("run.tooManyWorkers", { workers: count, max: MAX_WORKERS }),
  };
}

/** All values, or the first error as soon as any call returns one (the others may never return). */
function firstErrorOrAll<T>(calls: readonly Promise<Outcome<T>>[]): Promise<Outcome<T[]>> {
  return new Promise((resolve, reject) => {
    const values: T[] = new Array(calls.length);
    let left = calls.length;
    calls.forEach((call, i) =>
      call.then((outcome) => {
        if (!outcome.ok) return resolve(outcome);
        values[i] = outcome.value;
        if (--left === 0) resolve({ ok: true, value: values });
      }, reject),
    );
  });
}
