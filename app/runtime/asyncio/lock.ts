/**
 * asyncio.Lock (Lib/asyncio/locks.py): first come, first served, and not
 * reentrant: a task that acquires it twice waits for itself forever (the
 * loop reports the deadlock). Release wakes the first waiter, which takes
 * the lock when it runs; meanwhile a newcomer queues behind it.
 */
import { CancelledError } from "./errors";
import type { EventLoop } from "./loop";
import { Waiters } from "./waiters";
import { hold } from "./hold";
import { runtimeMessage } from "../messages/message";

export class AsyncLock {
  private held = false;
  private readonly waiters: Waiters;

  constructor(
    loop: EventLoop,
    readonly name: string,
  ) {
    this.waiters = new Waiters(loop, `lock ${name}`);
  }

  locked(): boolean {
    return this.held;
  }

  async acquire(): Promise<true> {
    if (!this.held && !this.waiters.anyWaiting()) {
      this.held = true;
      return true;
    }
    try {
      await this.waiters.wait();
    } catch (error) {
      // A waiter woken and then cancelled passes its turn on.
      if (error instanceof CancelledError && !this.held) this.waiters.wake(true);
      throw error;
    }
    this.held = true;
    return true;
  }

  release(): void {
    if (!this.held) throw new Error(runtimeMessage("asyncio.lockNotAcquired", { name: this.name }));
    this.held = false;
    this.waiters.wake(true);
  }

  /** `async with lock:` around `body`. */
  hold<T>(body: () => Promise<T>): Promise<T> {
    return hold(this, body);
  }
}
