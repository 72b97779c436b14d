/**
 * Semaphore and BoundedSemaphore: Python's `threading.Semaphore` and
 * `threading.BoundedSemaphore`, counting semaphores in the run memory.
 *
 * Algorithm: the futex counting semaphore of glibc's NPTL (`sem_wait` and
 * `sem_post` over a value and a waiter count). `acquire` takes a permit with
 * a compare-exchange while the value is positive; otherwise it counts itself
 * a waiter and sleeps while the value is 0. `release` adds its permits, then
 * wakes as many sleepers, only if any waiter is counted. Because the waiter
 * count is raised before the sleep checks the value, and the value raised
 * before release reads the count, a release never misses a sleeper. The
 * releaser un-counts the waiters it woke (a waiter un-counts itself only when
 * no notify woke it), so releases made while a woken waiter is still on its
 * way do not notify again for nobody.
 *
 * Layout (word offsets from `index`):
 *   +0 value: permits available (the futex word)
 *   +1 waiters: workers in acquire's slow path
 *   +2 initial: the value at creation (a BoundedSemaphore's bound)
 *   +3 holds: MAX_WORKERS words, the permits each worker holds, so the
 *      watchdog can name holders. A permit is charged to the worker that
 *      acquired it; a release returns the releaser's own permits first, then
 *      those of other workers in id order (a semaphore is not owned: any
 *      worker may release, as in Python).
 *
 * Misuse (errors, as Python's ValueError): a negative initial value,
 * release(n) with n < 1, and releasing a BoundedSemaphore above its initial
 * value.
 */
import { MAX_WORKERS, type Arena } from "../memory";
import type { Thread } from "../thread";
import { PointKind, schedulingPoint } from "../gate";
import { EventKind } from "../trace";
import { ScenarioUsageError, checkTimeout } from "../errors";
import type { Held } from "./mutex";
import { deadlineOf, msLeft } from "./futex";

const VALUE = 0;
const WAITERS = 1;
const INITIAL = 2;
const HOLDS = 3;
const WORDS = HOLDS + MAX_WORKERS;
const MAX_VALUE = 0x7fffffff;

export class Semaphore {
  private readonly words: Int32Array;
  private readonly kind: string;

  /** @internal */
  constructor(
    arena: Arena,
    readonly name: string,
    readonly index: number,
    private readonly thread: Thread,
    private readonly bounded = false,
  ) {
    this.words = arena.words;
    this.kind = bounded ? "BoundedSemaphore" : "Semaphore";
  }

  /** @internal */
  static allocate(arena: Arena, name: string, thread: Thread, init: boolean, value: number): Semaphore {
    return new Semaphore(arena, name, allocate(arena, "Semaphore", name, init, value), thread);
  }

  /**
   * Takes a permit, blocking while there is none, for at most `timeout`
   * seconds. Returns true when taken, false on timeout.
   */
  acquire(timeout?: number): boolean {
    if (timeout !== undefined) checkTimeout(`${this.kind} "${this.name}".acquire`, timeout);
    schedulingPoint(PointKind.Acquire, this.index);
    const w = this.words;
    const waited = !this.tryTake();
    if (waited) {
      const deadline = deadlineOf(timeout);
      do {
        const left = msLeft(deadline);
        if (left <= 0) return false;
        Atomics.add(w, this.index + WAITERS, 1);
        if (this.thread.block(this.index + VALUE, 0, left, this.index) !== "ok") Atomics.sub(w, this.index + WAITERS, 1);
      } while (!this.tryTake());
    }
    Atomics.add(w, this.index + HOLDS + this.thread.id, 1);
    if (waited || this.thread.traceAll) this.thread.trace.emit(EventKind.Acquire, this.index, this.thread.id);
    return true;
  }

  /** Returns `n` permits (Python's `release(n=1)`), waking as many waiting workers. */
  release(n = 1): void {
    if (n !== 1 && !(Number.isInteger(n) && n >= 1)) {
      throw new ScenarioUsageError(`${this.kind} "${this.name}".release(n): n must be a whole number >= 1; got ${String(n)}.`);
    }
    schedulingPoint(PointKind.Release, this.index);
    const w = this.words;
    const limit = this.bounded ? w[this.index + INITIAL]! : MAX_VALUE;
    let value = Atomics.load(w, this.index + VALUE);
    for (;;) {
      if (value > limit - n) throw this.overRelease(n, value, limit);
      const seen = Atomics.compareExchange(w, this.index + VALUE, value, value + n);
      if (seen === value) break;
      value = seen;
    }
    this.returnHolds(n);
    const { thread } = this;
    const waiting = Atomics.load(w, this.index + WAITERS) > 0;
    if (waiting || thread.traceAll) thread.trace.emit(EventKind.Release, this.index, thread.id);
    if (waiting) {
      const woken = Atomics.notify(w, this.index + VALUE, n);
      if (woken > 0) Atomics.sub(w, this.index + WAITERS, woken);
    }
  }

  /** Acquires a permit now and releases it when the returned value is disposed: `using _ = sem.hold()`. */
  hold(): Held {
    this.acquire();
    return { [Symbol.dispose]: () => this.release() };
  }

  /** The workers holding permits, in id order, for the watchdog. */
  holders(): number[] {
    return semaphoreHolders(this.words, this.index);
  }

  private tryTake(): boolean {
    const w = this.words;
    let value = Atomics.load(w, this.index + VALUE);
    while (value > 0) {
      const seen = Atomics.compareExchange(w, this.index + VALUE, value, value - 1);
      if (seen === value) return true;
      value = seen;
    }
    return false;
  }

  private returnHolds(n: number): void {
    const holds = this.index + HOLDS;
    let left = takeHolds(this.words, holds + this.thread.id, n);
    for (let worker = 0; left > 0 && worker < MAX_WORKERS; worker++) left = takeHolds(this.words, holds + worker, left);
  }

  private overRelease(n: number, value: number, limit: number): ScenarioUsageError {
    const what = this.bounded
      ? `released too many times: its value ${value} would rise above its initial value ${limit}. Release only permits that were acquired.`
      : `its value ${value} would pass ${MAX_VALUE} permits.`;
    return new ScenarioUsageError(`${this.kind} "${this.name}".release(${n}): ${what}`);
  }
}

/** Python's `threading.BoundedSemaphore`: releasing above the initial value is an error. */
export class BoundedSemaphore extends Semaphore {
  /** @internal */
  static override allocate(arena: Arena, name: string, thread: Thread, init: boolean, value: number): BoundedSemaphore {
    return new BoundedSemaphore(arena, name, allocate(arena, "BoundedSemaphore", name, init, value), thread, true);
  }
}

/** The workers holding permits of the semaphore at `index`, read from anywhere (the page's watchdog), in id order. */
export function semaphoreHolders(words: Int32Array, index: number): number[] {
  const holders: number[] = [];
  for (let worker = 0; worker < MAX_WORKERS; worker++) {
    if (Atomics.load(words, index + HOLDS + worker) > 0) holders.push(worker);
  }
  return holders;
}

function allocate(arena: Arena, kind: string, name: string, init: boolean, value: number): number {
  if (!(Number.isInteger(value) && value >= 0 && value <= MAX_VALUE)) {
    throw new ScenarioUsageError(`${kind} "${name}": the initial value must be a whole number >= 0; got ${String(value)}.`);
  }
  const index = arena.allocate(kind === "Semaphore" ? "semaphore" : "bounded-semaphore", name, WORDS);
  if (init) {
    Atomics.store(arena.words, index + VALUE, value);
    Atomics.store(arena.words, index + INITIAL, value);
  }
  return index;
}

/** Takes up to `wanted` permits from one worker's hold count; returns how many are still wanted. */
function takeHolds(words: Int32Array, at: number, wanted: number): number {
  let held = Atomics.load(words, at);
  while (held > 0) {
    const taken = Math.min(held, wanted);
    const seen = Atomics.compareExchange(words, at, held, held - taken);
    if (seen === held) return wanted - taken;
    held = seen;
  }
  return wanted;
}
