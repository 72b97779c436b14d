/**
 * `asyncio.gather` (Lib/asyncio/tasks.py): runs its children as tasks and
 * collects their results in order. Without `returnExceptions` the first
 * error reaches the caller at once while the other children run on; with
 * it, errors come back among the results. Cancelling the gather cancels
 * every child.
 */
import { CancelledError } from "./errors";
import { Future } from "./future";
import type { EventLoop } from "./loop";

/** A child of gather: a task or future, or a function that starts one (JavaScript starts an async call at once). */
export type Gatherable<T> = Future<T> | (() => Promise<T>);

export function gather<T>(loop: EventLoop, children: readonly Gatherable<T>[], returnExceptions = false): Future<unknown[]> {
  const futures = children.map((child) => (typeof child === "function" ? loop.createTask(child) : child));
  const outer = new GatheringFuture(loop, futures as Future<unknown>[]);
  if (futures.length === 0) {
    outer.setResult([]);
    return outer;
  }
  let finished = 0;
  const onChildDone = (child: Future<unknown>) => {
    finished++;
    if (outer.done()) {
      if (!child.cancelled()) child.exception();
      return;
    }
    if (!returnExceptions) {
      const error = child.cancelled() ? new CancelledError() : child.exception();
      if (error !== null) {
        outer.setException(error);
        return;
      }
    }
    if (finished < futures.length) return;
    const results = futures.map((f) => (f.cancelled() ? new CancelledError() : (f.exception() ?? f.result())));
    if (outer.cancelRequested) outer.setException(new CancelledError());
    else outer.setResult(results);
  };
  for (const future of futures) future.addDoneCallback(onChildDone as (f: Future<T>) => void);
  return outer;
}

/** Cancelling a gather cancels its children; the gather ends cancelled once they have. */
class GatheringFuture extends Future<unknown[]> {
  cancelRequested = false;

  constructor(
    loop: EventLoop,
    private readonly children: readonly Future<unknown>[],
  ) {
    super(loop, `a gather of ${children.map((child) => child.waitsFor).join(", ")}`);
  }

  override cancel(): boolean {
    if (this.done()) return false;
    let any = false;
    for (const child of this.children) if (child.cancel()) any = true;
    if (any) this.cancelRequested = true;
    return any;
  }
}
