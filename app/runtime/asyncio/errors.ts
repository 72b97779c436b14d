/**
 * asyncio's exceptions, under Python's names (Lib/asyncio/exceptions.py), so
 * that a student's `catch` reads as the Python it stands for. JavaScript has
 * none of them: its AggregateError carries no cause per child in Python's
 * way, and DOMException's "TimeoutError" is not a class one can catch by.
 */

/** The task was cancelled; raised at the `await` it was suspended at. */
export class CancelledError extends Error {
  override name = "CancelledError";
  constructor(message = "The task was cancelled.") {
    super(message);
  }
}

/** A `timeout` or `waitFor` ran out: the code inside saw CancelledError, the code outside sees this. */
export class TimeoutError extends Error {
  override name = "TimeoutError";
}

/** A future's result asked for before it has one, or set twice. */
export class InvalidStateError extends Error {
  override name = "InvalidStateError";
}

/** Several tasks of a task group failed: each failure is in `exceptions`, in the order they happened. */
export class ExceptionGroup extends Error {
  override name = "ExceptionGroup";
  constructor(
    message: string,
    readonly exceptions: readonly Error[],
  ) {
    super(`${message} (${exceptions.length} sub-exception${exceptions.length === 1 ? "" : "s"})`);
  }
}

/** `putNowait` on a full queue. */
export class QueueFull extends Error {
  override name = "QueueFull";
}

/** `getNowait` on an empty queue. */
export class QueueEmpty extends Error {
  override name = "QueueEmpty";
}
