/**
 * `asyncio.as_completed` (Lib/asyncio/tasks.py): one awaitable per child,
 * in the order the children finish rather than the order given: the first
 * gives the first child to finish (its result, or its exception raised),
 * and so on. With a timeout, those still to come raise TimeoutError once it
 * has passed. An array stands for Python's iterator.
 */
import { CancelledError, TimeoutError } from "./errors";
import type { Future } from "./future";
import type { Gatherable } from "./gather";
import type { EventLoop } from "./loop";
import { runtimeMessage } from "../messages/message";

export function asCompleted<T>(loop: EventLoop, children: readonly Gatherable<T>[], seconds: number | null = null): Future<T>[] {
  const todo = new Set(children.map((child) => (typeof child === "function" ? loop.createTask(child) : child)));
  const outputs = Array.from(todo, () => loop.createFuture<T>("the next child of as_completed to finish"));
  let next = 0;
  // An output whose awaiting task was cancelled took nothing: the child goes to the next one, as CPython's queue keeps it.
  const nextOutput = (): Future<T> | undefined => {
    while (next < outputs.length && outputs[next]!.done()) next++;
    return outputs[next++];
  };
  const onDone = (child: Future<T>) => {
    todo.delete(child);
    const output = nextOutput();
    if (output === undefined) {
      if (!child.cancelled()) child.exception();
      return;
    }
    if (child.cancelled()) output.setException(new CancelledError());
    else {
      const error = child.exception();
      if (error !== null) output.setException(error);
      else output.setResult(child.result());
    }
  };
  for (const child of todo) child.addDoneCallback(onDone);
  if (seconds !== null) {
    loop.callLater(seconds, () => {
      for (const child of todo) child.removeDoneCallback(onDone);
      todo.clear();
      for (let output = nextOutput(); output !== undefined; output = nextOutput()) output.setException(new TimeoutError(runtimeMessage("asyncio.asCompletedTimedOut", { seconds })));
    });
  }
  return outputs;
}
