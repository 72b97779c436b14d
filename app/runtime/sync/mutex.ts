/**
 * Mutex: the scenario API's `Lock`, a mutual-exclusion lock in two words of
 * the run memory.
 *
 * Algorithm: the three-state futex mutex of Ulrich Drepper, "Futexes Are
 * Tricky" (2011), mutex 3, with Atomics.wait/notify as the futex, as in the
 * SpiderMonkey team's js-lock-and-condition: the lock word of futex.ts.
 *
 * Layout (word offsets from `index`):
 *   +0 state: the futex lock word (0 unlocked, 1 locked, 2 locked and maybe waited on)
 *   +1 owner: worker id + 1 of the last acquirer, 0 when unlocked
 *          (diagnostics only: like Python's Lock, any worker may release)
 *
 * Blocking calls must not run on the page's main thread, where
 * Atomics.wait throws: scenario code only ever runs in workers.
 */
import type { Arena } from "../memory";
import type { Thread } from "../thread";
import { PointKind, schedulingPoint } from "../gate";
import { ScenarioUsageError } from "../errors";
import { runtimeMessage } from "../messages/message";
import { CONTENDED, handOver, lockContended, tryLock, tryUnlock } from "./futex";
import { deadlineOf } from "./wait-clock";
import { acquireTimeout, type AcquireOptions } from "./wait-options";

const UNLOCKED = 0;
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
   * Blocks until the lock is taken: `acquire()`, `acquire({ timeout: 0.05 })`
   * (at most that many seconds) or `acquire({ blocking: false })` (not at
   * all), Python's `acquire(blocking=True, timeout=-1)`. Returns true when
   * taken, false when it gave up.
   */
  acquire(options?: AcquireOptions): boolean {
    const timeout = options === undefined ? undefined : acquireTimeout(`Lock "${this.name}"`, options);
    schedulingPoint(PointKind.Acquire, this.index);
    const w = this.words;
    const waited = !tryLock(w, this.state);
    if (waited && !lockContended(this.thread, this.state, this.index, deadlineOf(timeout))) return false;
    w[this.index + OWNER] = this.thread.id + 1;
    this.thread.traceAcquired(this.index, waited);
    return true;
  }

  /** Releases the lock; releasing a lock that is not held is an error, as in Python. */
  release(): void {
    schedulingPoint(PointKind.Release, this.index);
    const w = this.words;
    w[this.index + OWNER] = 0;
    const state = tryUnlock(w, this.state);
    if (state === UNLOCKED) {
      throw new ScenarioUsageError(runtimeMessage("lock.releaseUnlocked", { name: this.name }));
    }
    this.thread.traceReleased(this.index, state === CONTENDED && handOver(w, this.state) > 0);
  }

  /** Releases when disposed; one per lock, since `using` in a hot loop should not allocate. */
  private readonly held: Held = { [Symbol.dispose]: () => this.release() };

  /** Acquires now and releases when the returned value is disposed. */
  hold(): Held {
    this.acquire();
    return this.held;
  }

  /** Whether any worker holds the lock (Python's `locked()`). */
  locked(): boolean {
    schedulingPoint(PointKind.Query, this.index);
    return Atomics.load(this.words, this.state) !== UNLOCKED;
  }

  /** Worker id of the current holder, or -1 when unlocked. */
  holder(): number {
    schedulingPoint(PointKind.Query, this.index);
    return mutexHolder(this.words, this.index);
  }
}
