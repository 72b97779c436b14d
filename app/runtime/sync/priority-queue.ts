/**
 * PriorityQueue: Python's `queue.PriorityQueue`, bounded: `get` returns the
 * item with the smallest priority. Items are numbers (their own priority) or
 * [priority, data] pairs, like Python's tuples; where Python would go on to
 * compare the data, equal priorities here come out in the order they were
 * put.
 *
 * Algorithm: Queue's (queue.ts), with a binary heap (as Python's `heapq`)
 * kept over slot numbers rather than over the slots, so sifting moves one
 * word per level instead of a whole slot. Keys are (priority, sequence).
 *
 * Layout: Queue's (queue-layout.ts), with `order` (maxsize words): the heap of
 * occupied slot numbers in [0, count), then the free slot numbers.
 */
import type { Arena } from "../memory";
import type { Thread } from "../thread";
import { ScenarioUsageError } from "../errors";
import { BaseQueue, type Message, type PriorityItem } from "./queue";
import { ORDER, placeQueue, type QueueOptions } from "./queue-layout";

export class PriorityQueue<D = Message> extends BaseQueue<PriorityItem<D>> {
  /** @internal */
  static allocate<D>(arena: Arena, name: string, thread: Thread, init: boolean, options: QueueOptions): PriorityQueue<D> {
    return new PriorityQueue<D>(arena, name, thread, "PriorityQueue", placeQueue(arena, "PriorityQueue", name, init, options, true));
  }

  protected override encode(item: PriorityItem<D>): Uint8Array | null {
    const priority = typeof item === "number" ? item : Array.isArray(item) && item.length === 2 ? item[0] : undefined;
    if (typeof priority !== "number" || Number.isNaN(priority)) {
      throw new ScenarioUsageError(
        `PriorityQueue "${this.name}".put: items are numbers or [priority, data] pairs with a number priority (not NaN); got ${describeItem(item)}.`,
      );
    }
    return typeof item === "number" ? null : this.codec.encode(item[1]);
  }

  protected override push(count: number, item: PriorityItem<D>, message: Uint8Array | null, sequence: number): void {
    const w = this.words;
    const order = this.index + ORDER;
    const slot = w[order + count]!;
    this.codec.write(slot, typeof item === "number" ? item : item[0], message, sequence);
    let at = count;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(slot, w[order + parent]!)) break;
      w[order + at] = w[order + parent]!;
      at = parent;
    }
    w[order + at] = slot;
  }

  protected override pop(count: number): PriorityItem<D> {
    const w = this.words;
    const order = this.index + ORDER;
    const top = w[order]!;
    const item = this.read(top);
    const last = w[order + count - 1]!;
    // The freed slot joins the free ones after the heap.
    w[order + count - 1] = top;
    const size = count - 1;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.before(w[order + child + 1]!, w[order + child]!)) child++;
      if (!this.before(w[order + child]!, last)) break;
      w[order + at] = w[order + child]!;
      at = child;
    }
    if (size > 0) w[order + at] = last;
    return item as PriorityItem<D>;
  }

  protected override read(slot: number): unknown {
    return this.codec.isNumber(slot) ? this.codec.number(slot) : [this.codec.number(slot), this.codec.message(slot)];
  }

  /** Smaller priority first; equal priorities in the order they were put (sequence numbers wrap). */
  private before(a: number, b: number): boolean {
    const pa = this.codec.number(a);
    const pb = this.codec.number(b);
    return pa < pb || (pa === pb && ((this.codec.sequence(a) - this.codec.sequence(b)) | 0) < 0);
  }
}

function describeItem(item: unknown): string {
  if (typeof item === "number") return "NaN";
  if (Array.isArray(item)) return item.length === 2 ? `a pair whose priority is ${String(item[0])}` : `an array of ${item.length} elements`;
  return typeof item === "object" && item !== null ? "an object" : `${typeof item} ${String(item)}`;
}
