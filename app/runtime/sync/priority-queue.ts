/**
 * PriorityQueue: Python's `queue.PriorityQueue`, bounded: `get` returns the
 * smallest item. Items are numbers or [priority, data] pairs, like Python's
 * tuples, and compare as Python compares them (python-order.ts): pairs by
 * priority, then, on equal priorities, by their data; data Python cannot
 * order (dicts, None against a number), or a number against a pair, is a
 * TypeError, as in Python. Unlike Python's, where a failed comparison leaves
 * the item in the heap (put) or loses the top one (get), the queue is then
 * left as it was.
 *
 * Algorithm: Queue's (queue.ts), with Python's own heap, `heapq`
 * (`heappush` and `heappop`, Lib/heapq.py), comparison for comparison, so
 * that equal items come out in Python's order and a comparison fails where
 * Python's would. The heap is kept over slot numbers rather than over the
 * slots, so sifting moves one word per level instead of a whole slot; each
 * sift finds its place before it moves anything.
 *
 * Layout: Queue's (queue-layout.ts), with `order` (maxsize words): the heap of
 * occupied slot numbers in [0, count), then the free slot numbers.
 */
import type { Arena } from "../memory";
import type { Thread } from "../thread";
import { ScenarioUsageError } from "../errors";
import { runtimeMessage } from "../messages/message";
import { BaseQueue, type Message, type PriorityItem } from "./queue";
import { ORDER, placeQueue, type QueueOptions } from "./queue-layout";
import { pythonLess } from "./python-order";

const parent = (at: number) => (at - 1) >> 1;

export class PriorityQueue<D = Message> extends BaseQueue<PriorityItem<D>> {
  /** @internal */
  static allocate<D>(arena: Arena, name: string, thread: Thread, init: boolean, options: QueueOptions): PriorityQueue<D> {
    return new PriorityQueue<D>(arena, name, thread, "PriorityQueue", placeQueue(arena, "PriorityQueue", name, init, options, true));
  }

  protected override encode(item: PriorityItem<D>): Uint8Array | null {
    const priority = typeof item === "number" ? item : Array.isArray(item) && item.length === 2 ? item[0] : undefined;
    if (typeof priority !== "number" || Number.isNaN(priority)) {
      throw new ScenarioUsageError(runtimeMessage("priorityQueue.item", { name: this.name, got: describeItem(item) }));
    }
    return typeof item === "number" ? null : this.codec.encode(item[1]);
  }

  /** `heappush`: the new item rises while it is less than its parent (heapq's `_siftdown`). */
  protected override push(count: number, item: PriorityItem<D>, message: Uint8Array | null): void {
    const w = this.words;
    const order = this.index + ORDER;
    const slot = w[order + count]!;
    this.codec.write(slot, typeof item === "number" ? item : item[0], message);
    let at = count;
    while (at > 0 && this.less(slot, w[order + parent(at)]!, "put")) at = parent(at);
    for (let i = count; i > at; i = parent(i)) w[order + i] = w[order + parent(i)]!;
    w[order + at] = slot;
  }

  /** `heappop`: the top goes; the last item takes its place (heapq's `_siftup`). */
  protected override pop(count: number): PriorityItem<D> {
    const w = this.words;
    const order = this.index + ORDER;
    const top = w[order]!;
    const size = count - 1;
    if (size > 0) this.lastToTop(order, size);
    // The freed slot joins the free ones after the heap.
    w[order + size] = top;
    return this.read(top) as PriorityItem<D>;
  }

  /**
   * heapq's `_siftup` from the top for the last item (at `size`): the hole
   * goes down to a leaf along the smaller children, and the last item rises
   * from there while it is less than what moved up. Both walks compare
   * before anything moves; then each slot on the path up to the last item's
   * place moves up one level.
   */
  private lastToTop(order: number, size: number): void {
    const w = this.words;
    const last = w[order + size]!;
    let leaf = 0;
    for (let child = 1; child < size; child = 2 * leaf + 1) {
      leaf = child + 1 < size && !this.less(w[order + child]!, w[order + child + 1]!, "get") ? child + 1 : child;
    }
    let at = leaf;
    while (at > 0 && this.less(last, w[order + at]!, "get")) at = parent(at);
    let rising = last;
    for (let i = at; ; i = parent(i)) {
      const displaced = w[order + i]!;
      w[order + i] = rising;
      if (i === 0) return;
      rising = displaced;
    }
  }

  protected override read(slot: number): unknown {
    return this.codec.isNumber(slot) ? this.codec.number(slot) : [this.codec.number(slot), this.codec.message(slot)];
  }

  /** Python's `<` for the items in slots `a` and `b`; a pair's data is read only when the priorities tie. */
  private less(a: number, b: number, operation: string): boolean {
    const { codec } = this;
    const numbers = codec.isNumber(a);
    if (numbers === codec.isNumber(b)) {
      const pa = codec.number(a);
      const pb = codec.number(b);
      if (numbers || pa !== pb) return pa < pb;
    }
    return this.lessAsPython(this.read(a), this.read(b), operation);
  }

  private lessAsPython(a: unknown, b: unknown, operation: string): boolean {
    try {
      return pythonLess(a, b);
    } catch (thrown) {
      if (!(thrown instanceof TypeError)) throw thrown;
      const tie = Array.isArray(a) && Array.isArray(b);
      const why = tie ? runtimeMessage("priorityQueue.tieWhy", { priority: String(a[0]) }) : runtimeMessage("priorityQueue.mixedWhy");
      const fix = runtimeMessage(tie ? "priorityQueue.tieFix" : "priorityQueue.mixedFix");
      // `thrown.message` is CPython's own TypeError text, in English as Python prints it.
      throw new TypeError(runtimeMessage("priorityQueue.incomparable", { name: this.name, operation, why, error: thrown.message, fix }));
    }
  }
}

function describeItem(item: unknown): string {
  if (typeof item === "number") return "NaN";
  if (Array.isArray(item)) {
    return item.length === 2 ? runtimeMessage("priorityQueue.itemPair", { priority: String(item[0]) }) : runtimeMessage("priorityQueue.itemArray", { length: item.length });
  }
  return typeof item === "object" && item !== null ? runtimeMessage("priorityQueue.itemObject") : `${typeof item} ${String(item)}`;
}
