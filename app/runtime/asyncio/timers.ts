/**
 * The loop's scheduled callbacks: a binary heap ordered by deadline, then by
 * the order they were scheduled in (CPython's heap of TimerHandles compares
 * deadlines only; a sequence number makes ties first come, first served).
 */
export interface Handle {
  readonly callback: () => void | Promise<void>;
  /** A cancelled handle stays where it is and is skipped when its turn comes. */
  cancelled: boolean;
}

interface Timer {
  readonly when: number;
  readonly seq: number;
  readonly handle: Handle;
}

export class TimerHeap {
  private readonly heap: Timer[] = [];
  private seq = 0;

  push(when: number, callback: () => void): Handle {
    const handle: Handle = { callback, cancelled: false };
    this.heap.push({ when, seq: this.seq++, handle });
    this.up(this.heap.length - 1);
    return handle;
  }

  /** The earliest deadline of a timer not cancelled, or null when none is left. */
  nextDeadline(): number | null {
    while (this.heap.length > 0 && this.heap[0]!.handle.cancelled) this.pop();
    return this.heap[0]?.when ?? null;
  }

  /** Takes the timers due at `now`, earliest first. */
  due(now: number): Handle[] {
    const due: Handle[] = [];
    while (this.heap.length > 0 && this.heap[0]!.when <= now) {
      const { handle } = this.pop();
      if (!handle.cancelled) due.push(handle);
    }
    return due;
  }

  private pop(): Timer {
    const top = this.heap[0]!;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private before(a: Timer, b: Timer): boolean {
    return a.when < b.when || (a.when === b.when && a.seq < b.seq);
  }

  private up(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i]!, heap[parent]!)) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && this.before(heap[left]!, heap[least]!)) least = left;
      if (right < heap.length && this.before(heap[right]!, heap[least]!)) least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  }
}
