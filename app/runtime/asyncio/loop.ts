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
import { TaskGroup } from "./task-group";
import { timeout, waitFor } from "./timeout";

/** Something the student's code did that asyncio forbids or warns of, in words. */
export class LoopMisuseError extends Error {
  override name = "LoopMisuseError";
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

export class EventLoop implements TaskLoop {
  private ready: Handle[] = [];
  private readonly timers = new TimerHeap();
  private readonly tasks: Task<unknown>[] = [];
  private current: Task<unknown> | null = null;
  /** The current step has suspended (or ended): a second suspension in it is a forgotten await. */
  private suspended = false;
  private endCurrentStep: (() => void) | null = null;
  private fatal: Error | null = null;
  private readonly sentinel = new MessageChannel();
  private sentinelPending = false;
  private taskCount = 0;

  constructor(readonly clock: LoopClock) {
    this.sentinel.port1.onmessage = () => this.onSentinel();
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
    return this.timers.push(this.time() + Math.max(0, delay), callback);
  }

  createFuture<T>(waitsFor?: string): Future<T> {
    return new Future<T>(this, waitsFor);
  }

  createTask<T>(body: () => Promise<T>, name?: string): Task<T> {
    const task = new Task<T>(this, body, name ?? `Task-${++this.taskCount}`);
    this.tasks.push(task as Task<unknown>);
    return task;
  }

  /** `asyncio.sleep`: 0 yields once (the task goes to the back of the ready queue); more waits on a timer. */
  async sleep<T = undefined>(seconds: number, result?: T): Promise<T> {
    if (!(seconds > 0)) {
      await new YieldPoint(this);
      return result as T;
    }
    const future = this.createFuture<T>("a sleep");
    const timer = this.callLater(seconds, () => {
      if (!future.done()) future.setResult(result as T);
    });
    try {
      return await future;
    } finally {
      timer.cancelled = true;
    }
  }

  /** `asyncio.gather`: the children's results in order (gather.ts). */
  gather<T>(children: readonly Gatherable<T>[], options: { readonly returnExceptions?: boolean } = {}): Future<unknown[]> {
    return gather(this, children, options.returnExceptions ?? false);
  }

  /** `async with asyncio.TaskGroup() as tg:` around `body` (task-group.ts). */
  taskGroup<T>(body: (group: TaskGroup) => Promise<T>): Promise<T> {
    const parent = this.current;
    if (parent === null) return Promise.reject(new Error("taskGroup() must be used inside a task."));
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
    const until = performance.now() + units;
    while (performance.now() < until);
  }

  /** Runs `main` as the first task until it ends; then cancels what is left, as asyncio.run does. */
  async run<T>(main: () => Promise<T>): Promise<{ readonly result: T; readonly report: LoopReport }> {
    const task = this.createTask(main, "main");
    try {
      while (!task.done()) await this.runOnce();
      const leaked = this.tasks.filter((t) => !t.done());
      for (const t of leaked) t.cancel();
      while (leaked.some((t) => !t.done())) await this.runOnce();
      return { result: task.result() as T, report: this.report(leaked) };
    } finally {
      this.sentinel.port1.close();
    }
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
      this.fail(new LoopMisuseError(`Task ${task.name} waits on two things at once: an async function called without await (a forgotten await), or Promise.all / Promise.race over the loop's objects. Await each call, or use loop.gather.`));
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
      this.endCurrentStep = resolve;
      this.armSentinel();
      act();
    });
  }

  endStep(task: Task<unknown>): void {
    if (task !== this.current) return;
    this.suspended = true;
    const end = this.endCurrentStep;
    this.endCurrentStep = null;
    end?.();
  }

  private async runOnce(): Promise<void> {
    if (this.fatal) throw this.fatal;
    if (this.ready.length === 0) {
      const next = this.timers.nextDeadline();
      if (next === null) throw new LoopDeadlockError(this.deadlockWords());
      this.clock.idleUntil(next);
    }
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

  private fail(error: Error): void {
    this.fatal ??= error;
    const end = this.endCurrentStep;
    this.endCurrentStep = null;
    end?.();
  }

  private armSentinel(): void {
    if (this.sentinelPending) return;
    this.sentinelPending = true;
    this.sentinel.port2.postMessage(0);
  }

  /** Every microtask has run, and a step is still open: its task awaits something the loop does not own. */
  private onSentinel(): void {
    this.sentinelPending = false;
    const task = this.current;
    if (this.endCurrentStep === null || task === null) return;
    this.fail(
      new LoopMisuseError(
        `Task ${task.name} awaited something the event loop does not own (a Promise of its own, setTimeout, fetch...), so the loop cannot tell when it will go on. Await the loop's own objects: loop.sleep, loop.io, tasks, and the loop's locks, events and queues.`,
      ),
    );
  }

  private deadlockWords(): string {
    const waiting = this.tasks.filter((t) => !t.done()).map((t) => `${t.name} waits for ${t.waitingFor() ?? "nothing it will get"}`);
    return `Deadlock: no task is ready and no timer is pending, so nothing can wake them: ${waiting.join("; ")}.`;
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

/** What `sleep(0)` awaits: a yield to the loop with nothing to wait for. */
class YieldPoint implements PromiseLike<undefined> {
  constructor(private readonly loop: EventLoop) {}

  then<R1 = undefined, R2 = never>(onFulfilled?: ((value: undefined) => R1 | PromiseLike<R1>) | null, onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): PromiseLike<R1 | R2> {
    return new Promise<undefined>((resolve, reject) => this.loop.yielded(resolve as (value: unknown) => void, reject)).then(onFulfilled, onRejected);
  }
}
