/**
 * An asyncio Future (Lib/asyncio/futures.py): a result that will be set
 * once, by the loop's own code, and that tasks await. Its done callbacks
 * never run at once: each is scheduled on the loop's ready queue when the
 * future completes, so that a task woken by it runs at a later loop turn,
 * as in CPython.
 *
 * It is a thenable rather than a Promise: when a task awaits it, JavaScript
 * calls `then`, and that call is how the loop learns that the task has
 * suspended (loop.ts). A Promise would settle through the microtask queue,
 * where the loop could not choose who runs next.
 */
import { CancelledError, InvalidStateError } from "./errors";

/** What a future needs of its loop. */
export interface FutureLoop {
  callSoon(callback: () => void): void;
  /** A task's `await` reached this pending future: the task suspends on it. */
  awaited(future: Future<unknown>, resume: (value: unknown) => void, throwIn: (error: unknown) => void): void;
}

type State = "pending" | "finished" | "cancelled";

export class Future<T> implements PromiseLike<T> {
  private state: State = "pending";
  private value: T | undefined;
  private error: unknown = undefined;
  private failed = false;
  private callbacks: ((future: Future<T>) => void)[] = [];
  /** @internal Whether anyone looked at the exception: one nobody retrieved is reported (loop.ts). */
  retrieved = false;
  /** @internal When a sleep's timer or an I/O is due to settle it: how late its waiter resumes is the loop's lag (loop-trace.ts). */
  due: number | null = null;

  /** What a task awaiting this waits for, in words: "lock L", "a get from queue jobs" (for the deadlock verdict). */
  constructor(
    protected readonly loop: FutureLoop,
    readonly waitsFor = "a future",
  ) {}

  done(): boolean {
    return this.state !== "pending";
  }

  cancelled(): boolean {
    return this.state === "cancelled";
  }

  /** The result; throws the exception it ended with, CancelledError, or InvalidStateError while pending. */
  result(): T {
    if (this.state === "pending") throw new InvalidStateError("Result is not ready.");
    if (this.state === "cancelled") throw new CancelledError();
    this.retrieved = true;
    if (this.failed) throw this.error;
    return this.value as T;
  }

  /** The exception it ended with, or null; throws CancelledError or InvalidStateError like `result`. */
  exception(): unknown {
    if (this.state === "pending") throw new InvalidStateError("Exception is not set.");
    if (this.state === "cancelled") throw new CancelledError();
    this.retrieved = true;
    return this.failed ? this.error : null;
  }

  /** @internal The exception it ended with, if any, without counting as retrieving it (for step mode's words). */
  peekError(): unknown {
    return this.failed ? this.error : undefined;
  }

  /** @internal Whether it ended with an exception nobody has retrieved. */
  unretrievedError(): unknown {
    return this.failed && !this.retrieved ? this.error : undefined;
  }

  setResult(value: T): void {
    this.settle(() => {
      this.value = value;
    });
  }

  setException(error: unknown): void {
    this.settle(() => {
      this.error = error;
      this.failed = true;
    });
  }

  /** Cancels a pending future; false when it was done already. */
  cancel(): boolean {
    if (this.done()) return false;
    this.state = "cancelled";
    this.scheduleCallbacks();
    return true;
  }

  addDoneCallback(callback: (future: Future<T>) => void): void {
    if (this.done()) this.loop.callSoon(() => callback(this));
    else this.callbacks.push(callback);
  }

  removeDoneCallback(callback: (future: Future<T>) => void): void {
    this.callbacks = this.callbacks.filter((c) => c !== callback);
  }

  /**
   * Called by JavaScript's `await`. A done future does not suspend the
   * awaiting task (CPython's `__await__` returns at once); a pending one
   * does, until the loop wakes the task.
   */
  then<R1 = T, R2 = never>(onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null, onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): PromiseLike<R1 | R2> {
    return new Promise<T>((resolve, reject) => {
      if (!this.done()) {
        this.loop.awaited(this as Future<unknown>, resolve as (value: unknown) => void, reject);
        return;
      }
      try {
        resolve(this.result());
      } catch (error) {
        reject(error);
      }
    }).then(onFulfilled, onRejected);
  }

  private settle(set: () => void): void {
    if (this.done()) throw new InvalidStateError(`The future is ${this.state} already.`);
    set();
    this.state = "finished";
    this.scheduleCallbacks();
  }

  private scheduleCallbacks(): void {
    const callbacks = this.callbacks;
    this.callbacks = [];
    for (const callback of callbacks) this.loop.callSoon(() => callback(this));
  }
}
