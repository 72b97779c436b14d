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
 *      watchdog can name holders. A worker holds the permits it acquired and
 *      has not released. It counts them locally and publishes the count when
 *      it blocks or ends (Thread.deferPublish): on the fast path the count
 *      would be a second contended cache line, and cost two thirds of the
 *      throughput. A semaphore is not owned (any worker may release, as in
 *      Python), so a semaphore used as a signal has counts that mean
 *      nothing: no worker is named a holder while the value is at or above
 *      the initial value, when no permit is out.
 *
 * Misuse (errors, as Python's ValueError): a negative initial value,
 * release(n) with n < 1, and releasing a BoundedSemaphore above its initial
 * value.
 */
import { MAX_WORKERS, type Arena } from "../memory";
import type { Publishable, Thread } from "../thread";
import { PointKind, schedulingPoint } from "../gate";
import { ScenarioUsageError } from "../errors";
import { runtimeMessage } from "../messages/message";
import type { Held } from "./mutex";
import { deadlineOf, msLeft } from "./wait-clock";
import { acquireTimeout, type AcquireOptions } from "./wait-options";

const VALUE = 0;
const WAITERS = 1;
const INITIAL = 2;
const HOLDS = 3;
const WORDS = HOLDS + MAX_WORKERS;
const MAX_VALUE = 0x7fffffff;

export class Semaphore implements Publishable {
  private readonly words: Int32Array;
  private readonly kind: string;
  /** Permits this worker holds, and whether the count changed since it was published. */
  private held = 0;
  private unpublished = false;

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
   * Takes a permit, blocking while there is none: `acquire()`,
   * `acquire({ timeout: 0.05 })` (at most that many seconds) or
   * `acquire({ blocking: false })` (not at all), Python's
   * `acquire(blocking=True, timeout=None)`. Returns true when taken, false
   * when it gave up.
   */
  acquire(options?: AcquireOptions): boolean {
    const timeout = options === undefined ? undefined : acquireTimeout(`${this.kind} "${this.name}"`, options);
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
    this.countHeld(1);
    this.thread.traceAcquired(this.index, waited);
    return true;
  }

  /** Returns `n` permits (Python's `release(n=1)`), waking as many waiting workers. */
  release(n = 1): void {
    if (n !== 1 && !(Number.isInteger(n) && n >= 1)) {
      throw new ScenarioUsageError(runtimeMessage("semaphore.releaseCount", { kind: this.kind, name: this.name, got: String(n) }));
    }
    schedulingPoint(PointKind.Release, this.index);
    if (this.bounded) this.addBounded(n);
    else this.add(n);
    this.countHeld(-Math.min(n, this.held));
    const { thread } = this;
    const w = this.words;
    const woken = Atomics.load(w, this.index + WAITERS) > 0 ? Atomics.notify(w, this.index + VALUE, n) : 0;
    if (woken > 0) Atomics.sub(w, this.index + WAITERS, woken);
    thread.traceReleased(this.index, woken > 0);
  }

  /** Acquires a permit now and releases it when the returned value is disposed: `using _ = sem.hold()`. */
  hold(): Held {
    this.acquire();
    return { [Symbol.dispose]: () => this.release() };
  }

  /** The workers holding permits, in id order; this worker's own count is always current. */
  holders(): number[] {
    schedulingPoint(PointKind.Query, this.index);
    this.publish();
    return semaphoreHolders(this.words, this.index);
  }

  /** @internal */
  publish(): void {
    Atomics.store(this.words, this.index + HOLDS + this.thread.id, this.held);
    this.unpublished = false;
  }

  private countHeld(change: number): void {
    this.held += change;
    if (!this.unpublished) {
      this.unpublished = true;
      this.thread.deferPublish(this);
    }
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

  /** One atomic add; an add that would overflow the word is undone and refused. */
  private add(n: number): void {
    const before = Atomics.add(this.words, this.index + VALUE, n);
    if (before > MAX_VALUE - n) {
      Atomics.sub(this.words, this.index + VALUE, n);
      throw this.overRelease(n, before, MAX_VALUE);
    }
  }

  /** A compare-exchange loop, so that the value never passes the bound, even for an instant. */
  private addBounded(n: number): void {
    const w = this.words;
    const limit = w[this.index + INITIAL]!;
    let value = Atomics.load(w, this.index + VALUE);
    for (;;) {
      if (value > limit - n) throw this.overRelease(n, value, limit);
      const seen = Atomics.compareExchange(w, this.index + VALUE, value, value + n);
      if (seen === value) return;
      value = seen;
    }
  }

  private overRelease(n: number, value: number, limit: number): ScenarioUsageError {
    const values = { kind: this.kind, name: this.name, n, value, limit };
    return new ScenarioUsageError(runtimeMessage(this.bounded ? "semaphore.overBound" : "semaphore.overflow", values));
  }
}

/** Python's `threading.BoundedSemaphore`: releasing above the initial value is an error. */
export class BoundedSemaphore extends Semaphore {
  /** @internal */
  static override allocate(arena: Arena, name: string, thread: Thread, init: boolean, value: number): BoundedSemaphore {
    return new BoundedSemaphore(arena, name, allocate(arena, "BoundedSemaphore", name, init, value), thread, true);
  }
}

/** The value of the semaphore at `index`, read from anywhere (the page). */
export function semaphoreValue(words: Int32Array, index: number): number {
  return Atomics.load(words, index + VALUE);
}

/**
 * The workers holding permits of the semaphore at `index`, read from anywhere
 * (the page's watchdog), in id order: as published, and none while no permit
 * is out.
 */
export function semaphoreHolders(words: Int32Array, index: number): number[] {
  if (Atomics.load(words, index + VALUE) >= Atomics.load(words, index + INITIAL)) return [];
  const holders: number[] = [];
  for (let worker = 0; worker < MAX_WORKERS; worker++) {
    if (Atomics.load(words, index + HOLDS + worker) > 0) holders.push(worker);
  }
  return holders;
}

function allocate(arena: Arena, kind: string, name: string, init: boolean, value: number): number {
  if (!(Number.isInteger(value) && value >= 0 && value <= MAX_VALUE)) {
    throw new ScenarioUsageError(runtimeMessage("semaphore.initial", { kind, name, got: String(value) }));
  }
  const index = arena.allocate(kind === "Semaphore" ? "semaphore" : "bounded-semaphore", name, WORDS);
  if (init) {
    Atomics.store(arena.words, index + VALUE, value);
    Atomics.store(arena.words, index + INITIAL, value);
  }
  return index;
}
