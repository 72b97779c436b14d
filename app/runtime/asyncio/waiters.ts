/**
 * The waiting line of asyncio's primitives (Lib/asyncio/locks.py,
 * queues.py): a task that must wait appends a fresh future and awaits it;
 * whoever frees the resource completes the first waiter not done. The
 * future leaves the line however the wait ends, cancellation included.
 */
import type { Future } from "./future";
import type { EventLoop } from "./loop";

export class Waiters<T = boolean> {
  private readonly line: Future<T>[] = [];

  /** `waitsFor`: what a waiter waits for, in words ("lock L"). */
  constructor(
    private readonly loop: EventLoop,
    private readonly waitsFor: string,
  ) {}

  get length(): number {
    return this.line.length;
  }

  /**
   * Waits in line until woken. `wokenThenCancelled` runs when the waiter was
   * woken but cancelled before it could run: what it was handed must go on.
   */
  async wait(wokenThenCancelled?: () => void): Promise<T> {
    const future = this.loop.createFuture<T>(this.waitsFor);
    this.line.push(future);
    try {
      return await future;
    } catch (error) {
      if (future.done() && !future.cancelled()) wokenThenCancelled?.();
      throw error;
    } finally {
      this.line.splice(this.line.indexOf(future), 1);
    }
  }

  /** Wakes the first `count` waiters not done with `value`; how many it woke. */
  wake(value: T, count = 1): number {
    let woken = 0;
    for (const future of this.line) {
      if (woken >= count) break;
      if (future.done()) continue;
      future.setResult(value);
      woken++;
    }
    return woken;
  }

  /** Whether some waiter is still waiting (not cancelled). */
  anyWaiting(): boolean {
    return this.line.some((future) => !future.cancelled());
  }
}
