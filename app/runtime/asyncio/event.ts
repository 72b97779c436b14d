/** asyncio.Event (Lib/asyncio/locks.py): set wakes every waiter, each at a later loop turn, in the order they came. */
import type { EventLoop } from "./loop";
import { Waiters } from "./waiters";

export class AsyncEvent {
  private flag = false;
  private readonly waiters: Waiters;

  constructor(
    loop: EventLoop,
    readonly name: string,
  ) {
    this.waiters = new Waiters(loop, `event ${name}`);
  }

  isSet(): boolean {
    return this.flag;
  }

  set(): void {
    if (this.flag) return;
    this.flag = true;
    this.waiters.wake(true, Infinity);
  }

  clear(): void {
    this.flag = false;
  }

  async wait(): Promise<true> {
    if (this.flag) return true;
    await this.waiters.wait();
    return true;
  }
}
