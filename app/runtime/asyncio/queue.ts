/**
 * asyncio.Queue and PriorityQueue (Lib/asyncio/queues.py): `put` waits
 * while the queue is full, `get` while it is empty, each in line; a woken
 * task checks again when it runs (another may have been quicker). Items
 * are passed by reference, as in Python: the queue holds what was put.
 * `taskDone` and `join` count the items still being worked on.
 */
import { QueueEmpty, QueueFull } from "./errors";
import type { Future } from "./future";
import type { EventLoop } from "./loop";
import { AsyncEvent } from "./event";
import { runtimeMessage } from "../messages/message";

export class AsyncQueue<T> {
  protected readonly items: T[] = [];
  private readonly getters: Future<void>[] = [];
  private readonly putters: Future<void>[] = [];
  private unfinished = 0;
  private readonly finished: AsyncEvent;

  /** `maxsize` 0 (the default) means unbounded, as in Python. */
  constructor(
    private readonly loop: EventLoop,
    readonly name: string,
    readonly maxsize = 0,
  ) {
    if (!Number.isInteger(maxsize) || maxsize < 0) throw new RangeError(runtimeMessage("asyncio.queueMaxsize", { name, got: maxsize }));
    this.finished = new AsyncEvent(loop, `${name} finished`);
    this.finished.set();
  }

  qsize(): number {
    return this.items.length;
  }

  empty(): boolean {
    return this.items.length === 0;
  }

  full(): boolean {
    return this.maxsize > 0 && this.items.length >= this.maxsize;
  }

  async put(item: T): Promise<void> {
    while (this.full()) await this.waitIn(this.putters, () => this.full(), `room in queue ${this.name}`);
    this.putNowait(item);
  }

  putNowait(item: T): void {
    if (this.full()) throw new QueueFull(runtimeMessage("asyncio.queueFull", { name: this.name, maxsize: this.maxsize }));
    this.add(item);
    this.unfinished++;
    this.finished.clear();
    wakeNext(this.getters);
  }

  async get(): Promise<T> {
    while (this.empty()) await this.waitIn(this.getters, () => this.empty(), `an item in queue ${this.name}`);
    return this.getNowait();
  }

  getNowait(): T {
    if (this.empty()) throw new QueueEmpty(runtimeMessage("asyncio.queueEmpty", { name: this.name }));
    const item = this.take();
    wakeNext(this.putters);
    return item;
  }

  taskDone(): void {
    if (this.unfinished <= 0) throw new Error(runtimeMessage("asyncio.queueTaskDone", { name: this.name }));
    this.unfinished--;
    if (this.unfinished === 0) this.finished.set();
  }

  /** Waits until every item put has been marked done. */
  async join(): Promise<void> {
    if (this.unfinished > 0) await this.finished.wait();
  }

  protected add(item: T): void {
    this.items.push(item);
  }

  protected take(): T {
    return this.items.shift()!;
  }

  /** Waits in `line`; a waiter woken and then cancelled passes its turn on while the reason to wait is gone. */
  private async waitIn(line: Future<void>[], stillWaiting: () => boolean, waitsFor: string): Promise<void> {
    const future = this.loop.createFuture<void>(waitsFor);
    line.push(future);
    try {
      await future;
    } catch (error) {
      future.cancel();
      const at = line.indexOf(future);
      if (at >= 0) line.splice(at, 1);
      if (!stillWaiting() && !future.cancelled()) wakeNext(line);
      throw error;
    }
  }
}

/** Wakes the first waiter in `line` not done, taking it out of the line. */
function wakeNext(line: Future<void>[]): void {
  while (line.length > 0) {
    const waiter = line.shift()!;
    if (!waiter.done()) {
      waiter.setResult(undefined);
      return;
    }
  }
}

/**
 * asyncio.PriorityQueue: the smallest item first, by Python's ordering of
 * numbers, strings and arrays (tuples) compared element by element; what
 * Python could not order is a TypeError, as heapq would raise.
 */
export class AsyncPriorityQueue<T> extends AsyncQueue<T> {
  protected override add(item: T): void {
    let at = this.items.findIndex((queued) => pythonCompare(item, queued) < 0);
    if (at < 0) at = this.items.length;
    this.items.splice(at, 0, item);
  }
}

function pythonCompare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = pythonCompare(a[i], b[i]);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  }
  throw new TypeError(runtimeMessage("asyncio.incomparable", { a: typeof a, b: typeof b }));
}
