/**
 * An asyncio Task (Lib/asyncio/tasks.py): a coroutine the loop drives one
 * step at a time. A step runs from the task's resumption to its next
 * suspension (an `await` of a pending loop future) or its end; the loop
 * starts the next step only when told the task is done with this one
 * (loop.ts, `runStep`), which is what makes the interleaving Python's.
 *
 * Cancellation follows CPython: `cancel()` cancels the future the task
 * waits on, and the task sees CancelledError at that `await`; a task
 * cancelled before its first step never runs its body.
 */
import { CancelledError } from "./errors";
import { Future, type FutureLoop } from "./future";
import { runtimeMessage } from "../messages/message";
import { awaitWords } from "./await-words";

/** What a task needs of its loop beyond a future's needs. */
export interface TaskLoop extends FutureLoop {
  /** Runs `act`, which resumes `task`; settles when the task has suspended again or ended. */
  runStep(task: Task<unknown>, act: () => void): Promise<void>;
  /** The task has ended or suspended: its step is over. */
  endStep(task: Task<unknown>): void;
}

/** An exception as "ValueError: bad". */
export function errorWords(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export class Task<T> extends Future<T> {
  private started = false;
  private mustCancel = false;
  /** How many cancellations are pending (Python 3.11's `cancelling()`). */
  private cancelRequests = 0;
  /** The future this task is suspended on (`_fut_waiter`), and how to resume it. */
  private waiter: Future<unknown> | null = null;
  private resume: ((value: unknown) => void) | null = null;
  private throwIn: ((error: unknown) => void) | null = null;
  /** @internal Where it was created: its stack, formatted only if the task misuses the loop (loop.ts, `misuse`). */
  readonly origin = new Error();
  /** @internal Set when the task ended normally though a cancellation was asked of it: it swallowed CancelledError. */
  swallowedCancel = false;

  constructor(
    private readonly taskLoop: TaskLoop,
    private readonly body: () => Promise<T>,
    readonly name: string,
  ) {
    super(taskLoop, `task ${name}`);
    taskLoop.callSoon(() => this.step());
  }

  /** Asks the task to stop: true unless it is done. It sees CancelledError at its pending await. */
  override cancel(): boolean {
    if (this.done()) return false;
    this.cancelRequests++;
    if (this.waiter?.cancel()) return true;
    this.mustCancel = true;
    return true;
  }

  /** @internal What it waits for now, in words; null when it is not suspended on a future. */
  waitingFor(): string | null {
    return this.waiter?.waitsFor ?? null;
  }

  /** @internal As its step begins: when what woke it was due (a sleep's timer, an I/O), or null when nothing timed woke it. */
  wokenFromDue(): number | null {
    const waiter = this.waiter;
    return waiter !== null && waiter.done() && !waiter.cancelled() ? waiter.due : null;
  }

  /** @internal Where it stands, in words, for step mode: "ready", "awaits lock L", "done". */
  standing(): string {
    if (this.cancelled()) return runtimeMessage("taskStanding.cancelled");
    if (this.done()) return this.peekError() === undefined ? runtimeMessage("taskStanding.done") : runtimeMessage("taskStanding.failed", { error: errorWords(this.peekError()) });
    if (this.waiter !== null && !this.waiter.done()) return runtimeMessage("taskStep.awaits", { what: awaitWords(this.waiter.waitsFor) });
    return runtimeMessage(this.started ? "taskStanding.ready" : "taskStanding.readyToStart");
  }

  cancelling(): number {
    return this.cancelRequests;
  }

  /** Takes back one cancellation request (what `timeout` does once it has turned one into TimeoutError). */
  uncancel(): number {
    if (this.cancelRequests > 0) this.cancelRequests--;
    return this.cancelRequests;
  }

  /** @internal The task suspends on `waiter` (loop.ts, `awaited`). */
  suspendOn(waiter: Future<unknown>, resume: (value: unknown) => void, throwIn: (error: unknown) => void): void {
    this.waiter = waiter;
    this.resume = resume;
    this.throwIn = throwIn;
    waiter.addDoneCallback(this.wakeUp);
  }

  /** @internal Resumes the task at its next step, with nothing awaited (`sleep(0)`'s bare yield). */
  yieldFrom(resume: (value: unknown) => void, throwIn: (error: unknown) => void): void {
    this.resume = resume;
    this.throwIn = throwIn;
    this.taskLoop.callSoon(() => this.step());
  }

  private readonly wakeUp = (): Promise<void> => this.step();

  private step(): Promise<void> {
    return this.taskLoop.runStep(this.erased, () => {
      if (!this.started) this.start();
      else this.continue();
    });
  }

  private start(): void {
    this.started = true;
    if (this.mustCancel) {
      // Cancelled before its first step: the body never runs (CPython throws into a coroutine not yet started).
      this.mustCancel = false;
      super.cancel();
      this.taskLoop.endStep(this.erased);
      return;
    }
    let running: Promise<T>;
    try {
      running = this.body();
    } catch (error) {
      this.end(() => this.setException(error));
      return;
    }
    running.then(
      (value) => this.end(() => this.finish(value)),
      (error) => this.end(() => (error instanceof CancelledError ? super.cancel() : this.setException(error))),
    );
  }

  private continue(): void {
    const waiter = this.waiter;
    const resume = this.resume!;
    const throwIn = this.throwIn!;
    this.waiter = this.resume = this.throwIn = null;
    if (this.mustCancel) {
      this.mustCancel = false;
      throwIn(new CancelledError());
    } else if (waiter === null) resume(undefined);
    else if (waiter.cancelled()) throwIn(new CancelledError());
    else {
      const error = waiter.exception();
      if (error !== null) throwIn(error);
      else resume(waiter.result());
    }
  }

  private finish(value: T): void {
    if (this.mustCancel) {
      this.mustCancel = false;
      super.cancel();
      return;
    }
    if (this.cancelRequests > 0) this.swallowedCancel = true;
    this.setResult(value);
  }

  private end(settle: () => void): void {
    settle();
    this.taskLoop.endStep(this.erased);
  }

  /** The loop keeps tasks of every result type together. */
  private get erased(): Task<unknown> {
    return this as unknown as Task<unknown>;
  }
}
