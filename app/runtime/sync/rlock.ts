/**
 * RLock: Python's `threading.RLock`, a reentrant lock: the worker that holds
 * it may acquire it again, and must release it as many times.
 *
 * Algorithm: an owner word and a recursion depth over Drepper's three-state
 * futex mutex (futex.ts), as CPython's own RLock (Modules/_threadmodule.c,
 * `rlock_acquire`): the owner acquiring again only counts; anyone else takes
 * the futex lock. Only the owner ever writes the depth.
 *
 * Layout (word offsets from `index`):
 *   +0 state: the futex lock word (0 unlocked, 1 locked, 2 maybe waited on)
 *   +1 owner: worker id + 1 of the holder, 0 when unlocked
 *   +2 depth: how many acquires the owner has not yet released
 * The first two words are a Lock's (mutex.ts): whatever reads a Lock's
 * holder reads an RLock's.
 *
 * Tracing: only the outermost acquire and the last release change hands, so
 * only they write Acquire/Release events (when contended, or `traceAll`).
 */
import type { Arena } from "../memory";
import type { Thread } from "../thread";
import { PointKind, schedulingPoint } from "../gate";
import { ScenarioUsageError } from "../errors";
import { runtimeMessage } from "../messages/message";
import { workerName } from "../protocol";
import type { Held } from "./mutex";
import { CONTENDED, handOver, lockContended, tryLock, tryUnlock } from "./futex";
import { deadlineOf } from "./wait-clock";
import { acquireTimeout, type AcquireOptions } from "./wait-options";

const STATE = 0;
const OWNER = 1;
const DEPTH = 2;
const WORDS = 3;

/** The holder of the RLock at `index`, read from anywhere (the page's watchdog): a worker id, or -1. */
export function rlockHolder(words: Int32Array, index: number): number {
  return Atomics.load(words, index + OWNER) - 1;
}

export class RLock {
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
  static allocate(arena: Arena, name: string, thread: Thread): RLock {
    return new RLock(arena, name, arena.allocate("rlock", name, WORDS), thread);
  }

  /**
   * Blocks until the lock is taken: `acquire()`, `acquire({ timeout: 0.05 })`
   * (at most that many seconds) or `acquire({ blocking: false })` (not at
   * all), Python's `acquire(blocking=True, timeout=-1)`; the holder taking it
   * again returns at once. Returns true when taken, false when it gave up.
   */
  acquire(options?: AcquireOptions): boolean {
    const timeout = options === undefined ? undefined : acquireTimeout(`RLock "${this.name}"`, options);
    schedulingPoint(PointKind.Acquire, this.index);
    return this.take(timeout);
  }

  /** Releases one level; the last release frees the lock. Only the holder may release (as in Python). */
  release(): void {
    schedulingPoint(PointKind.Release, this.index);
    this.mustOwn("release");
    const w = this.words;
    if (--w[this.index + DEPTH]! === 0) this.free();
  }

  /** Acquires now and releases when the returned value is disposed: `using _ = rlock.hold()`. */
  hold(): Held {
    this.acquire();
    return { [Symbol.dispose]: () => this.release() };
  }

  /** Worker id of the holder, or -1 when unlocked. */
  holder(): number {
    schedulingPoint(PointKind.Query, this.index);
    return rlockHolder(this.words, this.index);
  }

  /** The workers holding the lock (at most one). */
  holders(): number[] {
    schedulingPoint(PointKind.Query, this.index);
    const owner = rlockHolder(this.words, this.index);
    return owner < 0 ? [] : [owner];
  }

  /**
   * @internal
   * Condition.wait, which has checked that this worker holds the lock: frees
   * it whatever its depth, and returns the depth for `acquireRestore`
   * (Python's `_release_save`).
   */
  releaseSave(): number {
    schedulingPoint(PointKind.Release, this.index);
    const depth = this.words[this.index + DEPTH]!;
    this.words[this.index + DEPTH] = 0;
    this.free();
    return depth;
  }

  /** @internal Condition.wait: takes the lock back at the depth it had (Python's `_acquire_restore`). */
  acquireRestore(depth: number): void {
    schedulingPoint(PointKind.Acquire, this.index);
    this.take(undefined);
    this.words[this.index + DEPTH] = depth;
  }

  private take(timeout: number | undefined): boolean {
    const w = this.words;
    const me = this.thread.id + 1;
    // Only this worker writes its own id here, so a plain read cannot mistake another holder for it.
    if (w[this.index + OWNER] === me) {
      w[this.index + DEPTH]!++;
      return true;
    }
    const waited = !tryLock(w, this.index + STATE);
    if (waited && !lockContended(this.thread, this.index + STATE, this.index, deadlineOf(timeout))) return false;
    w[this.index + OWNER] = me;
    w[this.index + DEPTH] = 1;
    this.thread.traceAcquired(this.index, waited);
    return true;
  }

  /** Frees the lock; its depth is already 0. */
  private free(): void {
    const w = this.words;
    const { thread } = this;
    w[this.index + OWNER] = 0;
    const handedOver = tryUnlock(w, this.index + STATE) === CONTENDED && handOver(w, this.index + STATE) > 0;
    thread.traceReleased(this.index, handedOver);
  }

  private mustOwn(operation: string): void {
    // A plain read, as in `take`: only this worker writes its own id, so it cannot see it there by mistake.
    if (this.words[this.index + OWNER] === this.thread.id + 1) return;
    const owner = rlockHolder(this.words, this.index);
    const held = owner < 0 ? runtimeMessage("lock.rlockFree") : runtimeMessage("lock.rlockHeldBy", { worker: workerName(owner) });
    throw new ScenarioUsageError(runtimeMessage("lock.rlockNotHeld", { name: this.name, operation, worker: workerName(this.thread.id), held }));
  }
}
