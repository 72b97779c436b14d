/**
 * `asyncio.timeout` (Lib/asyncio/timeouts.py, 3.11+), as a callback: when
 * the deadline passes, the task running `body` is cancelled; the code inside
 * sees CancelledError at its pending await, and the caller sees TimeoutError,
 * unless the cancellation was another's (the task's `cancelling()` count
 * tells them apart). `waitFor` is the same since 3.12.
 */
import { CancelledError, TimeoutError } from "./errors";
import type { EventLoop } from "./loop";
import type { Future } from "./future";
import { runtimeMessage } from "../messages/message";

export async function timeout<T>(loop: EventLoop, seconds: number | null, body: () => Promise<T>): Promise<T> {
  const task = loop.currentTask();
  if (task === null) throw new Error(runtimeMessage("asyncio.timeoutOutside"));
  const cancellingBefore = task.cancelling();
  let expiring = false;
  const onTimeout = () => {
    task.cancel();
    expiring = true;
  };
  const timer = seconds === null ? null : seconds <= 0 ? loop.callSoon(onTimeout) : loop.callLater(seconds, onTimeout);
  const exit = (error: unknown): void => {
    if (timer) timer.cancelled = true;
    if (expiring && task.uncancel() <= cancellingBefore && error instanceof CancelledError) {
      throw new TimeoutError(runtimeMessage("asyncio.timedOut", { seconds }), { cause: error });
    }
  };
  let value: T;
  try {
    value = await body();
  } catch (error) {
    exit(error);
    throw error;
  }
  exit(undefined);
  return value;
}

/** `asyncio.wait_for` (3.12+): a task, a future, or a function that starts the work, under a timeout. */
export function waitFor<T>(loop: EventLoop, work: Future<T> | (() => Promise<T>), seconds: number | null): Promise<T> {
  return timeout(loop, seconds, typeof work === "function" ? work : async () => await work);
}
