/**
 * While a loop runs, a task's blocking call of a thread primitive (a shared
 * lock, queue or event) is refused with the task's name (thread.ts): it
 * would stall every task, and forever if what it waits for needs another
 * task to run. The loop's own waits (for an executor's results) happen
 * between task steps, and stay allowed.
 */
import { setBlockingGuard } from "../thread";
import type { EventLoop } from "./loop";
import { runtimeMessage } from "../messages/message";

export async function guardingLoopThread<T>(loop: EventLoop, run: () => Promise<T>): Promise<T> {
  setBlockingGuard(() => {
    const task = loop.currentTask();
    return task && blockingWords(task.name);
  });
  try {
    return await run();
  } finally {
    setBlockingGuard(null);
  }
}

function blockingWords(task: string): string {
  return runtimeMessage("asyncio.blocking", { task });
}
