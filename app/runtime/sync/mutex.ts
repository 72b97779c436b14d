/**
 * Mutex: the scenario API's `Lock`, a mutual-exclusion lock in two words of
 * the run memory.
 *
 * Algorithm: the three-state futex mutex of Ulrich Drepper, "Futexes Are
 * Tricky" (2011), mutex 3, with Atomics.wait/notify as the futex, as in the
 * SpiderMonkey team's js-lock-and-condition.
 *
 * Layout (word offsets from `index`):
 *   +0 state: 0 unlocked, 1 locked, 2 locked and maybe waited on
 *   +1 owner: worker id + 1 of the last acquirer, 0 when unlocked
 *          (diagnostics only: like Python's Lock, any worker may release)
 *
 * Blocking calls must not run on the page's main thread, where
 * Atomics.wait throws: scenario code only ever runs in workers.
 */
import type { Arena } from "../memory";
import type { Thread } from "../thread";
import { PointKind, schedulingPoint } from "../gate";
import { EventKind } from "../trace";
import { ScenarioUsageError, checkTimeout } from "../errors";

const UNLOCKED = 0;
const LOCKED = 1;
const CONTENDED = 2;
const STATE = 0;
const OWNER = 1;
export const MUTEX_WORDS = 2;

/** The holder of the lock at `index`, read from anywhere (the page's watchdog): a worker id, or -1. */
export function mutexHolder(words: Int32Array, index: number): number {
  return Atomics.load(words, index + STATE) === UNLOCKED ? -1 : Atomics.load(words, index + OWNER) - 1;
}

/** Disposable returned by `hold()`: `using _ = lock.hold()` plays Python's `with lock:`. */
export interface Held {
  [Symbol.dispose](): void;
}

export class Mutex {
  private readonly words: Int32Array;
  private readonly state: number;

  /** @internal */
  constructor(
    arena: Arena,
    readonly name: string,
    readonly index: number,
    private readonly thread: Thread,
  ) {
    this.words = arena.words;
    this.state = index + STATE;
  }

  /** @internal */
  static allocate(arena: Arena, name: string, thread: Thread): Mutex {
    return new Mutex(arena, name, arena.allocate("lock", name, MUTEX_WORDS), thread);
  }

  /**
   * Blocks until the lock is taken, or until `timeout` seconds pass.
   * Returns true when taken, false on timeout (Python's `acquire(timeout=)`).
   */
  acquire(timeout?: number): boolean {
    if (timeout !== undefined) checkTimeout(`Lock "${this.name}".acquire`, timeout);
    schedulingPoint(PointKind.Acquire, this.index);
    const w = this.words;
    let c = Atomics.compareExchange(w, this.state, UNLOCKED, LOCKED);
    let waited = false;
    if (c !== UNLOCKED) {
      waited = true;
      const deadline = timeout === undefined ? Infinity : performance.now() + timeout * 1000;
      if (c !== CONTENDED) c = Atomics.exchange(w, this.state, CONTENDED);
      while (c !== UNLOCKED) {
        const left = deadline === Infinity ? Infinity : deadline - performance.now();
        if (left <= 0) return false;
        this.thread.block(this.state, CONTENDED, left, this.index);
        c = Atomics.exchange(w, this.state, CONTENDED);
      }
    }
    w[this.index + OWNER] = this.thread.id + 1;
    if (waited || this.thread.traceAll) this.thread.trace.emit(EventKind.Acquire, this.index, this.thread.id);
    return true;
  }

  /** Releases the lock; releasing a lock that is not held is an error, as in Python. */
  release(): void {
    schedulingPoint(PointKind.Release, this.index);
    const w = this.words;
    w[this.index + OWNER] = 0;
    if (this.thread.traceAll) this.thread.trace.emit(EventKind.Release, this.index, this.thread.id);
    // One atomic step on the fast path: locked -> unlocked. Drepper's version
    // decrements instead; a compare-exchange also tells an unlocked lock apart.
    const c = Atomics.compareExchange(w, this.state, LOCKED, UNLOCKED);
    if (c === CONTENDED) {
      if (!this.thread.traceAll) this.thread.trace.emit(EventKind.Release, this.index, this.thread.id);
      Atomics.store(w, this.state, UNLOCKED);
      Atomics.notify(w, this.state, 1);
    } else if (c === UNLOCKED) {
      throw new ScenarioUsageError(`Lock "${this.name}": release of an unlocked lock. Release only a lock you acquired.`);
    }
  }

  /** Releases when disposed; one per lock, since `using` in a hot loop should not allocate. */
  private readonly held: Held = { [Symbol.dispose]: () => this.release() };

  /** Acquires now and releases when the returned value is disposed. */
  hold(): Held {
    this.acquire();
    return this.held;
  }

  locked(): boolean {
    return Atomics.load(this.words, this.state) !== UNLOCKED;
  }

  /** Worker id of the current holder, or -1 when unlocked. */
  holder(): number {
    return mutexHolder(this.words, this.index);
  }
}
