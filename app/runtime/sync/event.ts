/**
 * Event: Python's `threading.Event`, a flag that workers wait to see set.
 *
 * Algorithm: a flag beside a generation word used as the futex (the
 * "sequence" idea of the SpiderMonkey js-lock-and-condition Cond, without a
 * lock: the flag is the whole state). `set` raises the flag and, only when it
 * was clear, bumps the generation and wakes every sleeper. A waiter reads the
 * generation before the flag, then sleeps while the generation is unchanged,
 * so a `set` after its read always ends its wait. As in Python, a wait that
 * began before a `set` returns true even if the flag was cleared again before
 * the waiter ran.
 *
 * Layout (word offsets from `index`):
 *   +0 flag: 1 set, 0 clear
 *   +1 generation: how many times `set` changed the flag from clear to set
 */
import type { Arena } from "../memory";
import type { Thread } from "../thread";
import { PointKind, schedulingPoint } from "../gate";
import { checkTimeout } from "../errors";
import { deadlineOf, msLeft } from "./futex";

const FLAG = 0;
const GENERATION = 1;
const WORDS = 2;

export class Event {
  private readonly words: Int32Array;

  /** @internal */
  constructor(
    arena: Arena,
    readonly name: string,
    readonly index: number,
    private readonly thread: Thread,
  ) {
    this.words = arena.words;
  }

  /** @internal */
  static allocate(arena: Arena, name: string, thread: Thread): Event {
    return new Event(arena, name, arena.allocate("event", name, WORDS), thread);
  }

  isSet(): boolean {
    schedulingPoint(PointKind.Read, this.index);
    return Atomics.load(this.words, this.index + FLAG) === 1;
  }

  /** Sets the flag and wakes every waiting worker. */
  set(): void {
    schedulingPoint(PointKind.Set, this.index);
    const w = this.words;
    if (Atomics.exchange(w, this.index + FLAG, 1) === 0) {
      Atomics.add(w, this.index + GENERATION, 1);
      Atomics.notify(w, this.index + GENERATION);
    }
  }

  clear(): void {
    schedulingPoint(PointKind.Clear, this.index);
    Atomics.store(this.words, this.index + FLAG, 0);
  }

  /**
   * Blocks until the flag is set, for at most `timeout` seconds. Returns true
   * when it was set (at once if it already is), false on timeout.
   */
  wait(timeout?: number): boolean {
    if (timeout !== undefined) checkTimeout(`Event "${this.name}".wait`, timeout);
    schedulingPoint(PointKind.Wait, this.index);
    const w = this.words;
    const generation = Atomics.load(w, this.index + GENERATION);
    if (Atomics.load(w, this.index + FLAG) === 1) return true;
    const deadline = deadlineOf(timeout);
    for (;;) {
      const left = msLeft(deadline);
      if (left <= 0) return false;
      this.thread.block(this.index + GENERATION, generation, left, this.index);
      if (Atomics.load(w, this.index + GENERATION) !== generation) return true;
    }
  }
}
