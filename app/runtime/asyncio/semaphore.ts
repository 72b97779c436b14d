/**
 * asyncio.Semaphore and BoundedSemaphore (Lib/asyncio/locks.py, 3.11.7):
 * release hands a permit to the first waiter at once (it is counted as
 * taken before the waiter runs), so a newcomer cannot overtake the line.
 */
import type { EventLoop } from "./loop";
import { Waiters } from "./waiters";
import { hold } from "./hold";
import { runtimeMessage } from "../messages/message";

export class AsyncSemaphore {
  protected value: number;
  private readonly waiters: Waiters;

  constructor(
    loop: EventLoop,
    readonly name: string,
    value = 1,
  ) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(runtimeMessage("asyncio.semaphoreInitial", { name, got: value }));
    this.value = value;
    this.waiters = new Waiters(loop, `semaphore ${name}`);
  }

  /** True when an acquire would wait. */
  locked(): boolean {
    return this.value === 0 || this.waiters.anyWaiting();
  }

  async acquire(): Promise<true> {
    if (!this.locked()) {
      this.value--;
      return true;
    }
    // Cancelled after a permit was handed over: it goes to the next in line.
    await this.waiters.wait(() => this.release());
    if (this.value > 0) this.wakeNext();
    return true;
  }

  release(): void {
    this.value++;
    this.wakeNext();
  }

  /** `async with semaphore:` around `body`. */
  hold<T>(body: () => Promise<T>): Promise<T> {
    return hold(this, body);
  }

  private wakeNext(): void {
    if (this.waiters.wake(true) === 1) this.value--;
  }
}

/** A semaphore that refuses a release beyond its initial value: a release without an acquire is a bug. */
export class AsyncBoundedSemaphore extends AsyncSemaphore {
  private readonly bound: number;

  constructor(loop: EventLoop, name: string, value = 1) {
    super(loop, name, value);
    this.bound = value;
  }

  override release(): void {
    if (this.value >= this.bound) throw new Error(runtimeMessage("asyncio.semaphoreOverRelease", { name: this.name }));
    super.release();
  }
}
