/**
 * The event loop a scenario in asyncio mode runs on: the runtime's own, not
 * JavaScript's microtask queue. Its shape is CPython's
 * (Lib/asyncio/base_events.py, `_run_once`): a ready queue of callbacks run
 * first in, first out; a heap of timers; each iteration moves the timers
 * that are due to the ready queue and runs the callbacks that were ready
 * when it began (those scheduled meanwhile wait for the next).
 *
 * A task step is such a callback. The loop resumes exactly one task and
 * waits until it has suspended again or ended (`runStep`): a task suspends
 * by awaiting a pending loop future, whose `then` tells the loop (future.ts).
 * Tasks may await only what the loop owns. A step that neither suspends on
 * the loop nor ends has awaited something else (a Promise of its own,
 * setTimeout): a sentinel message, delivered only once the microtask queue
 * is empty, catches it, and the run fails with that task's name.
 */
import type { LoopClock } from "./clock";
import { CancelledError } from "./errors";
import { Future } from "./future";
import { Task, type TaskLoop } from "./task";
import { TimerHeap, type Handle } from "./timers";
import { gather, type Gatherable } from "./gather";
import { asCompleted } from "./as-completed";
import { TaskGroup } from "./task-group";
import { timeout, waitFor } from "./timeout";
import { arrivalsAt, nominalTimes, type Arrival, type ArrivalChooser, type PendingIo } from "./arrivals";
import { SCENARIO_FRAME, callerLine } from "../caller-line";
import { armSentinel } from "./sentinel";
import type { Job, LoopExecutor } from "./executor";
import type { Message } from "../sync/queue";
import { runtimeMessage } from "../messages/message";
import { awaitWords } from "./await-words";

/** Something the student's code did that asyncio forbids or warns of, in words. */
export class LoopMisuseError extends Error {
  override name = "LoopMisuseError";
}

/** Step mode stopped the run where the student is to choose (task-schedule.ts): not a failure. */
export class LoopHalted extends Error {
  override name = "LoopHalted";
}

/** No task can run: none is ready, and no timer is pending. */
export class LoopDeadlockError extends Error {
  override name = "LoopDeadlockError";
}

export interface LoopReport {
  /** Tasks still pending when `main` returned: cancelled, as asyncio.run does, and named here. */
  readonly leaked: readonly string[];
  /** Tasks that ended normally after a cancellation was asked of them. */
  readonly swallowedCancels: readonly string[];
  /** Tasks whose exception nobody retrieved, with it. */
  readonly unretrieved: readonly { readonly task: string; readonly error: unknown }[];
}

/** What step mode, Explore and the timeline learn of a run, as it goes. */
export interface LoopObserver {
  /** The loop looked for I/O and `arrivals[position]` came (only when there was a choice). */
  arrived?(arrivals: readonly Arrival[], position: number): void;
  taskCreated?(task: Task<unknown>): void;
  stepBegins?(task: Task<unknown>): void;
  /** `line` is the scenario line of the step's last call to the loop (0 when lines are not recorded). */
  stepEnds?(task: Task<unknown>, line: number): void;
}

export interface LoopOptions {
  /** Which arrival comes when there is a choice (arrivals.ts); by default each I/O takes its nominal time. */
  readonly choose?: ArrivalChooser;
  readonly observer?: LoopObserver;
  /** Record the scenario line of each step's last call to the loop, for the swimlanes (costs a stack trace a call). */
  readonly recordLines?: boolean;
  /** Where runInExecutor and toThread send their jobs (executor.ts). */
  readonly executor?: (loop: EventLoop) => LoopExecutor;
  /** CPU work on the loop on the real clock: the worker's own (work.ts), which lets a thread pool take the GIL meanwhile. */
  readonly cpu?: (units: number) => void;
}

export class EventLoop implements TaskLoop {
  private ready: Handle[] = [];
  private readonly timers = new TimerHeap();
  private readonly tasks: Task<unknown>[] = [];
  private current: Task<unknown> | null = null;
  /** The current step has suspended (or ended): a second suspension in it is a forgotten await. */
  private suspended = false;
  private endCurrentStep: (() => void) | null = null;
  private fatal: Error | null = null;
  private taskCount = 0;
  private readonly pendingIo = new Set<PendingIo>();
  private ioCount = 0;
  private stepLine = 0;
  private readonly choose: ArrivalChooser;
  private readonly observer: LoopObserver | null;
  private readonly recordLines: boolean;
  private readonly executor: LoopExecutor | null;
  private readonly realCpu: ((units: number) => void) | null;

  constructor(
    readonly clock: LoopClock,
    { choose = nominalTimes, observer, recordLines = false, executor, cpu }: LoopOptions = {},
  ) {
    this.choose = choose;
    this.executor = executor?.(this) ?? null;
    this.realCpu = cpu ?? null;
    this.observer = observer ?? null;
    this.recordLines = recordLines;
  }

  time(): number {
    return this.clock.now();
  }

  currentTask(): Task<unknown> | null {
    return this.current;
  }

  callSoon(callback: () => void | Promise<void>): Handle {
    const handle: Handle = { callback, cancelled: false };
    this.ready.push(handle);
    return handle;
  }

  callLater(delay: number, callback: () => void): Handle {
    return this.timers.push(this.deadline(delay), callback);
  }

  createFuture<T>(waitsFor?: string): Future<T> {
    this.noteLine();
    return new Future<T>(this, waitsFor);
  }

  createTask<T>(body: () => Promise<T>, name?: string): Task<T> {
    this.noteLine();
    const task = new Task<T>(this, body, name ?? `Task-${++this.taskCount}`);
    this.tasks.push(task as Task<unknown>);
    this.observer?.taskCreated?.(task as Task<unknown>);
    return task;
  }

  /** `asyncio.sleep`: 0 yields once (the task goes to the back of the ready queue); more waits on a timer. */
  async sleep<T = undefined>(seconds: number, result?: T): Promise<T> {
    if (!(seconds > 0)) {
      this.noteLine();
      await new YieldPoint(this);
      return result as T;
    }
    const future = this.createFuture<T>("a sleep");
    future.due = this.deadline(seconds);
    const timer = this.timers.push(future.due, () => {
      if (!future.done()) future.setResult(result as T);
    });
    try {
      return await future;
    } finally {
      timer.cancelled = true;
    }
  }

  /**
   * A simulated I/O wait of `seconds` (a request, a disk read): it completes
   * at its nominal time in a free run; step mode and Explore may have it
   * arrive sooner or later than other events (arrivals.ts).
   */
  async io(seconds: number): Promise<void> {
    const future = this.createFuture<void>(`I/O of ${seconds} s`);
    future.due = this.expectArrival(future, `I/O of ${seconds} s`, seconds, () => future.setResult());
    await future;
  }

  /**
   * Registers what settles `future`: `complete`, when the loop lets it
   * arrive (arrivals.ts): at `seconds` from now in a free run, sooner or
   * later than other arrivals in step mode and Explore. Forgotten once the
   * future is done, however that came about (a cancel). Returns when it is
   * due at its nominal time.
   */
  expectArrival(future: Pick<Future<unknown>, "done">, what: string, seconds: number, complete: () => void): number {
    const due = this.deadline(seconds);
    this.pendingIo.add({
      id: this.ioCount++,
      task: this.current?.name ?? "the loop",
      what,
      seconds,
      due,
      complete: () => {
        if (!future.done()) complete();
      },
      live: () => !future.done(),
    });
    return due;
  }

  /** `loop.run_in_executor(None, job, arg)`: `job` runs on the executor's workers; the task awaits its result (executor.ts). */
  async runInExecutor(job: Job | string, arg: Message): Promise<Message> {
    if (this.executor === null) throw new TypeError(runtimeMessage("asyncio.noExecutor"));
    return await this.executor.submit(job, arg, (waitsFor) => this.createFuture<Message>(waitsFor));
  }

  /** `asyncio.to_thread(job, arg)`: as runInExecutor, on a pool of threads. */
  async toThread(job: Job | string, arg: Message): Promise<Message> {
    if (this.executor !== null && this.executor.kind !== "threads") {
      throw new TypeError(runtimeMessage("asyncio.toThreadOnProcesses"));
    }
    return await this.runInExecutor(job, arg);
  }

  /** `asyncio.gather`: the children's results in order (gather.ts). */
  gather<T>(children: readonly Gatherable<T>[], options: { readonly returnExceptions?: boolean } = {}): Future<unknown[]> {
    return gather(this, children, options.returnExceptions ?? false);
  }

  /** `asyncio.as_completed` (as-completed.ts). */
  asCompleted<T>(children: readonly Gatherable<T>[], seconds: number | null = null): Future<T>[] {
    return asCompleted(this, children, seconds);
  }

  /** `async with asyncio.TaskGroup() as tg:` around `body` (task-group.ts). */
  taskGroup<T>(body: (group: TaskGroup) => Promise<T>): Promise<T> {
    const parent = this.current;
    if (parent === null) return Promise.reject(new Error(runtimeMessage("asyncio.taskGroupOutside")));
    return new TaskGroup(this, parent).run(body);
  }

  /** `async with asyncio.timeout(seconds):` around `body` (timeout.ts). */
  timeout<T>(seconds: number | null, body: () => Promise<T>): Promise<T> {
    return timeout(this, seconds, body);
  }

  /** `asyncio.wait_for` (timeout.ts). */
  waitFor<T>(work: Future<T> | (() => Promise<T>), seconds: number | null): Promise<T> {
    return waitFor(this, work, seconds);
  }

  /**
   * CPU work on the loop itself, `units` of about a millisecond: nothing
   * else runs meanwhile, so every timer due in that time fires late. On the
   * virtual clock, time moves by the work's length.
   */
  cpu(units: number): void {
    if (this.clock.kind === "virtual") {
      this.clock.worked(units / 1000);
      return;
    }
    if (this.realCpu) return this.realCpu(units);
    const until = performance.now() + units;
    while (performance.now() < until);
  }

  /** Runs `main` as the first task until it ends; then cancels what is left, as asyncio.run does. */
  async run<T>(main: () => Promise<T>): Promise<{ readonly result: T; readonly report: LoopReport }> {
    const task = this.createTask(main, "main");
    while (!task.done()) await this.runOnce();
    const leaked = this.tasks.filter((t) => !t.done());
    for (const t of leaked) t.cancel();
    while (leaked.some((t) => !t.done())) await this.runOnce();
    return { result: task.result() as T, report: this.report(leaked) };
  }

  /** Stops the run after the current step: run() rejects with LoopHalted. */
  halt(): void {
    this.fail(new LoopHalted("Halted."));
  }

  // TaskLoop

  awaited(future: Future<unknown>, resume: (value: unknown) => void, throwIn: (error: unknown) => void): void {
    const task = this.current;
    if (task === null) {
      // Not a task's await (the loop's own code): a plain callback.
      future.addDoneCallback((done) => (done.cancelled() ? throwIn(new CancelledError()) : resume(done.result())));
      return;
    }
    if (this.suspended) {
      this.fail(misuse(task, runtimeMessage("asyncio.twoAtOnce", { task: task.name })));
      return;
    }
    task.suspendOn(future, resume, throwIn);
    this.endStep(task);
  }

  /** `sleep(0)`'s bare yield: the task goes to the back of the ready queue. */
  yielded(resume: (value: unknown) => void, throwIn: (error: unknown) => void): void {
    const task = this.current;
    if (task === null || this.suspended) {
      resume(undefined);
      return;
    }
    task.yieldFrom(resume, throwIn);
    this.endStep(task);
  }

  runStep(task: Task<unknown>, act: () => void): Promise<void> {
    return new Promise<void>((resolve) => {
      this.current = task;
      this.suspended = false;
      this.stepLine = 0;
      this.observer?.stepBegins?.(task);
      this.endCurrentStep = resolve;
      armSentinel(this.heardSentinel);
      act();
    });
  }

  endStep(task: Task<unknown>): void {
    if (task !== this.current || this.suspended) return;
    this.suspended = true;
    this.observer?.stepEnds?.(task, this.stepLine);
    const end = this.endCurrentStep;
    this.endCurrentStep = null;
    end?.();
  }

  private async runOnce(): Promise<void> {
    if (this.fatal) throw this.fatal;
    this.lookForIo();
    for (const handle of this.timers.due(this.time())) this.ready.push(handle);
    // What was ready when the iteration began; what its callbacks schedule waits for the next.
    const batch = this.ready;
    this.ready = [];
    for (const handle of batch) {
      if (handle.cancelled) continue;
      const step = handle.callback();
      if (step) await step;
      this.current = null;
      if (this.fatal) throw this.fatal;
    }
  }

  /**
   * CPython's `select` before each iteration: which I/O arrives now, and,
   * with nothing ready, how far time moves (arrivals.ts). A choice is asked
   * of `choose` only where there is one.
   */
  private lookForIo(): void {
    for (;;) {
      this.executor?.collect();
      for (const io of this.pendingIo) if (!io.live()) this.pendingIo.delete(io);
      // Tasks ready and no I/O out: nothing to choose, the common turn (sleep(0), a woken task), so no arrivals to build.
      if (this.pendingIo.size === 0 && this.ready.length > 0) return;
      const pending = [...this.pendingIo];
      const arrivals = arrivalsAt(this.time(), this.ready.length > 0, pending, this.timers.nextDeadline());
      if (arrivals.length === 0) {
        if (this.executor !== null && this.executor.outstanding() > 0 && this.executor.awaitCompletion(Number.POSITIVE_INFINITY)) continue;
        throw new LoopDeadlockError(this.deadlockWords());
      }
      const position = arrivals.length === 1 ? 0 : this.choose(arrivals);
      const arrival = arrivals[position];
      if (arrival === undefined) throw new RangeError(`No arrival at position ${position} of ${arrivals.length}: this is an engine bug.`);
      if (arrival.kind === "go") return this.arrived(arrivals, position);
      if (arrival.kind === "timer") {
        if (!this.idleUntil(arrival.at)) continue;
        return this.arrived(arrivals, position);
      }
      // On its nominal time when it comes first; sooner than that, it arrives now.
      if (position === 0 && !this.idleUntil(arrival.io.due)) continue;
      this.arrived(arrivals, position);
      this.pendingIo.delete(arrival.io);
      arrival.io.complete();
    }
  }

  private arrived(arrivals: readonly Arrival[], position: number): void {
    if (arrivals.length > 1) this.observer?.arrived?.(arrivals, position);
  }

  /** Lets time pass to `deadline`; false when an executor's job came back first, which changes what comes next. */
  private idleUntil(deadline: number): boolean {
    const executor = this.executor;
    if (executor !== null && executor.outstanding() > 0 && this.clock.kind === "real") {
      const ms = (deadline - this.time()) * 1000;
      if (ms > 0 && executor.awaitCompletion(ms)) return false;
    }
    this.clock.idleUntil(deadline);
    return true;
  }

  /**
   * `seconds` from now, to the nanosecond: on the virtual clock, ten ticks of
   * 0.01 s must end exactly at 0.1 s, tied with a reply due then, not a
   * rounding error before it.
   */
  private deadline(seconds: number): number {
    return Math.round((this.time() + Math.max(0, seconds)) * 1e9) / 1e9;
  }

  /** The scenario line calling the loop now, as the current step's line: only when lines are recorded. */
  private noteLine(): void {
    if (this.recordLines && this.current !== null) this.stepLine = callerLine();
  }

  private fail(error: Error): void {
    this.fatal ??= error;
    const end = this.endCurrentStep;
    this.endCurrentStep = null;
    end?.();
  }

  private readonly heardSentinel = () => this.onSentinel();

  /** Every microtask has run, and a step is still open: its task awaits something the loop does not own. */
  private onSentinel(): void {
    const task = this.current;
    if (this.endCurrentStep === null || task === null) return;
    this.fail(
      misuse(
        task,
        runtimeMessage("asyncio.notOwned", { task: task.name }),
      ),
    );
  }

  private deadlockWords(): string {
    const waiting = this.tasks.filter((t) => !t.done()).map((t) => {
      const what = t.waitingFor();
      return what === null ? runtimeMessage("asyncio.waitsForNothing", { task: t.name }) : runtimeMessage("asyncio.waitsFor", { task: t.name, what: awaitWords(what) });
    });
    return runtimeMessage("asyncio.deadlock", { waits: waiting.join(runtimeMessage("asyncio.waitsJoin")) });
  }

  private report(leaked: readonly Task<unknown>[]): LoopReport {
    return {
      leaked: leaked.map((t) => t.name),
      swallowedCancels: this.tasks.filter((t) => t.swallowedCancel).map((t) => t.name),
      unretrieved: this.tasks.flatMap((t) => {
        const error = t.unretrievedError();
        return error === undefined ? [] : [{ task: t.name, error }];
      }),
    };
  }
}

/**
 * Misuse by `task`, placed where the task was created: the await at fault
 * cannot be found (a suspended async function leaves no stack), so the
 * error's stack names the line that created the task, for the page to mark.
 */
function misuse(task: Task<unknown>, message: string): LoopMisuseError {
  const error = new LoopMisuseError(message);
  const frames = (task.origin.stack ?? "").split("\n").filter((line) => SCENARIO_FRAME.test(line));
  if (frames.length > 0) error.stack = `${error.name}: ${message}\n${frames.join("\n")}`;
  return error;
}

/** What `sleep(0)` awaits: a yield to the loop with nothing to wait for. */
class YieldPoint implements PromiseLike<undefined> {
  constructor(private readonly loop: EventLoop) {}

  then<R1 = undefined, R2 = never>(onFulfilled?: ((value: undefined) => R1 | PromiseLike<R1>) | null, onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): PromiseLike<R1 | R2> {
    return new Promise<undefined>((resolve, reject) => this.loop.yielded(resolve as (value: unknown) => void, reject)).then(onFulfilled, onRejected);
  }
}
