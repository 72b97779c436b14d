/**
 * LifoQueue: Python's `queue.LifoQueue`, a bounded stack: `get` returns the
 * item put last.
 *
 * Algorithm and layout: those of Queue (queue.ts), the slots used as a stack:
 * `put` fills slot `count`, `get` empties slot `count - 1` (Python's `_put`
 * and `_get` of LifoQueue: append and pop).
 */
import type { Arena } from "../memory";
import type { Thread } from "../thread";
import { BaseQueue, type Message } from "./queue";
import { placeQueue, type QueueOptions } from "./queue-layout";

export class LifoQueue<T = Message> extends BaseQueue<T> {
  /** @internal */
  static allocate<T>(arena: Arena, name: string, thread: Thread, init: boolean, options: QueueOptions): LifoQueue<T> {
    return new LifoQueue<T>(arena, name, thread, "LifoQueue", placeQueue(arena, "LifoQueue", name, init, options, false));
  }

  protected override push(count: number, item: T, message: Uint8Array | null): void {
    this.codec.write(count, message === null ? (item as number) : 0, message);
  }

  protected override pop(count: number): T {
    return this.read(count - 1) as T;
  }
}

