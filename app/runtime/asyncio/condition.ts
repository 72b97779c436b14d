/**
 * asyncio.Condition (Lib/asyncio/locks.py): wait releases the lock, waits
 * for a notify, then takes the lock again before it returns, even when
 * cancelled meanwhile (the CancelledError comes after the lock is back).
 */
import { CancelledError } from "./errors";
import { AsyncLock } from "./lock";
import type { EventLoop } from "./loop";
import { Waiters } from "./waiters";
import { runtimeMessage } from "../messages/message";

export class AsyncCondition {
  readonly lock: AsyncLock;
  private readonly waiters: Waiters;

  constructor(
    loop: EventLoop,
    readonly name: string,
    lock?: AsyncLock,
  ) {
    this.lock = lock ?? new AsyncLock(loop, `${name}'s lock`);
    this.waiters = new Waiters(loop, `a notify of condition ${name}`);
  }

  locked(): boolean {
    return this.lock.locked();
  }

  acquire(): Promise<true> {
    return this.lock.acquire();
  }

  release(): void {
    this.lock.release();
  }

  hold<T>(body: () => Promise<T>): Promise<T> {
    return this.lock.hold(body);
  }

  async wait(): Promise<true> {
    if (!this.lock.locked()) throw new Error(runtimeMessage("asyncio.conditionWait", { name: this.name }));
    this.lock.release();
    try {
      await this.waiters.wait();
      return true;
    } finally {
      await this.reacquire();
    }
  }

  async waitFor<T>(predicate: () => T): Promise<T> {
    let result = predicate();
    while (!result) {
      await this.wait();
      result = predicate();
    }
    return result;
  }

  notify(count = 1): void {
    if (!this.lock.locked()) throw new Error(runtimeMessage("asyncio.conditionNotify", { name: this.name }));
    this.waiters.wake(false, count);
  }

  notifyAll(): void {
    this.notify(Infinity);
  }

  /** Takes the lock back however long it takes; a cancellation meanwhile is raised once it is held. */
  private async reacquire(): Promise<void> {
    let cancelled = false;
    for (;;) {
      try {
        await this.lock.acquire();
        break;
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
        cancelled = true;
      }
    }
    if (cancelled) throw new CancelledError();
  }
}
