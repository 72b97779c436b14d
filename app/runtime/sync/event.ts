/**
 * Event: Python's `threading.Event`, a flag that workers wait to see set.
 *
 * Algorithm: the flag and a generation count share one futex word (the
 * "sequence" idea of the SpiderMonkey js-lock-and-condition Cond, without a
 * lock: the word is the whole state). `set` raises the flag and, only when
 * it was clear, bumps the generation in the same compare-exchange, then wakes
 * every sleeper. A waiter that finds the flag clear sleeps while the word
 * still holds what it read; any change to it is a `set` (a `clear` of a flag
 * already clear changes nothing), so a `set` after its read always ends its
 * wait, and no `set` ends two. As in Python, a wait that began before a `set`
 * returns true even if the flag was cleared again before the waiter ran.
 * (Flag and generation in separate words let a waiter take a `set` for its
 * own, then meet its generation bump on the next wait and return early.)
 *
 * Layout (word offsets from `index`):
 *   +0 state: bit 0 the flag (1 set), bits 1 to 31 the generation (the
 *      times `set` changed the flag from clear to set, wrapping)
 */
import type { Arena } from "../memory";
import type { Thread } from "../thread";
import { PointKind, schedulingPoint } from "../gate";
import { checkTimeout } from "../errors";
import { deadlineOf, msLeft } from "./wait-clock";

const STATE = 0;
const FLAG = 1;
const GENERATION_STEP = 2;
const WORDS = 1;

/** Whether the event at `index` is set, read from anywhere (the page's shared-values panel). */
export function eventIsSet(words: Int32Array, index: number): boolean {
  return (Atomics.load(words, index + STATE) & FLAG) !== 0;
}

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
    schedulingPoint(PointKind.Query, this.index);
    return eventIsSet(this.words, this.index);
  }

  /** Sets the flag and wakes every waiting worker. */
  set(): void {
    schedulingPoint(PointKind.Set, this.index);
    const w = this.words;
    let state = Atomics.load(w, this.index + STATE);
    while ((state & FLAG) === 0) {
      const seen = Atomics.compareExchange(w, this.index + STATE, state, (state + GENERATION_STEP) | FLAG);
      if (seen === state) {
        Atomics.notify(w, this.index + STATE);
        return;
      }
      state = seen;
    }
  }

  clear(): void {
    schedulingPoint(PointKind.Clear, this.index);
    Atomics.and(this.words, this.index + STATE, ~FLAG);
  }

  /**
   * Blocks until the flag is set, for at most `timeout` seconds. Returns true
   * when it was set (at once if it already is), false on timeout.
   */
  wait(timeout?: number): boolean {
    if (timeout !== undefined) checkTimeout(`Event "${this.name}".wait`, timeout);
    schedulingPoint(PointKind.Wait, this.index);
    const seen = Atomics.load(this.words, this.index + STATE);
    if ((seen & FLAG) !== 0) return true;
    const deadline = deadlineOf(timeout);
    for (;;) {
      const left = msLeft(deadline);
      if (left <= 0) return false;
      this.thread.awaitSignal(this.index + STATE, seen, left, this.index);
      if (Atomics.load(this.words, this.index + STATE) !== seen) return true;
    }
  }
}
