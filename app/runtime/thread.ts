/**
 * One worker's runtime context for a run: its id, trace, status and GIL.
 * Every primitive that can block does so through `block`, so that every
 * blocking call is recorded (status and trace, for the watchdog and the
 * timeline) and releases the GIL while it waits, as CPython's do.
 *
 * Some bookkeeping only the page reads (a semaphore's permits per worker) is
 * kept in the worker and published when it blocks or finishes: the page
 * needs it only then (the watchdog looks when every worker is blocked), and
 * writing it to shared memory on every operation would put a contended cache
 * line on the primitive's fast path.
 */
import { Gil } from "./gil";
import { Header, type Arena } from "./memory";
import { EventKind, TraceWriter } from "./trace";
import { WorkerState, WorkerStatus } from "./worker-status";
import { Turnstile } from "./turnstile";
import { ScenarioUsageError } from "./errors";

/** Reads of the awaited word before sleeping, about a microsecond: the order of the spins of glibc's adaptive mutex. */
const SPINS = 200;

/**
 * Asked before every block on this worker; a refusal is thrown instead of
 * waiting. Set while an event loop runs a task step here (asyncio/run-main.ts):
 * a blocking call there stalls every task, and forever if what it waits for
 * needs another task to run.
 */
let blockingGuard: (() => string | null) | null = null;

export function setBlockingGuard(guard: (() => string | null) | null): void {
  blockingGuard = guard;
}

/**
 * Runs `wait`, brief by construction (a primitive's private lock, held only
 * inside one of its methods), without asking the guard: a task's putNowait,
 * or the loop's own executor queues, may meet that lock held for a moment,
 * which stalls nothing.
 */
export function briefly<T>(wait: () => T): T {
  const guard = blockingGuard;
  blockingGuard = null;
  try {
    return wait();
  } finally {
    blockingGuard = guard;
  }
}

/** Worker-local state the page reads: written to the run memory by `publish`. */
export interface Publishable {
  publish(): void;
}

export class Thread {
  readonly trace: TraceWriter;
  readonly status: WorkerStatus;
  readonly gil: Gil;
  /** Trace every acquire and release, not only the contended ones (see trace.ts). */
  readonly traceAll: boolean;
  /** In a gated run, where this worker waits for its turns; null in a free run. */
  readonly turnstile: Turnstile | null;
  private readonly unpublished: Publishable[] = [];

  constructor(
    readonly arena: Arena,
    readonly id: number,
  ) {
    this.trace = new TraceWriter(arena.buffer, arena.layout, id);
    this.status = new WorkerStatus(arena.buffer, arena.layout, id);
    this.gil = new Gil(arena.words, id, this.trace);
    this.traceAll = Atomics.load(arena.words, Header.traceAll) === 1;
    this.turnstile = Atomics.load(arena.words, Header.gateMode) === 1 ? new Turnstile(arena.words, arena.layout, id) : null;
  }

  /**
   * Atomics.wait on `words[index]` while it holds `expected`, for at most
   * `timeoutMs`, recorded as waiting on `object` (a shared object's word index).
   */
  block(index: number, expected: number, timeoutMs: number, object: number): "ok" | "not-equal" | "timed-out" {
    const refusal = blockingGuard?.();
    if (refusal) throw new ScenarioUsageError(refusal);
    this.publish();
    this.status.blockedOn(object, index, expected, Number.isFinite(timeoutMs));
    this.trace.emit(EventKind.Wait, object);
    const hadGil = this.gil.isHeld;
    this.gil.drop();
    const outcome = this.turnstile
      ? this.turnstile.block(index, expected, Number.isFinite(timeoutMs), object)
      : Atomics.wait(this.arena.words, index, expected, timeoutMs);
    // Woken first, then queued for the GIL: the timeline shows the two waits apart.
    this.status.set(WorkerState.Running);
    this.trace.emit(EventKind.Wake, object, outcome === "timed-out" ? 1 : 0);
    if (hadGil) this.gil.take();
    return outcome;
  }

  /**
   * `block` for a signal (an event set, a notify, a barrier's last arrival),
   * after spinning briefly while `words[index]` holds `expected`. On another
   * core the signal is often a microsecond away, and a sleep, its wake-up and
   * their trace cost tens. Locks and queues do not spin: a waiter spinning
   * for a resource takes it as soon as it is freed, and two workers then
   * hand it to and fro, each hand-over a wake-up, where a sleeping waiter
   * lets the holder run on. Never while holding the GIL, which the
   * signalling worker may need.
   */
  awaitSignal(index: number, expected: number, timeoutMs: number, object: number): "ok" | "not-equal" | "timed-out" {
    if (!this.gil.isHeld && this.turnstile === null) {
      const words = this.arena.words;
      for (let i = 0; i < SPINS; i++) if (Atomics.load(words, index) !== expected) return "not-equal";
    }
    return this.block(index, expected, timeoutMs, object);
  }

  /**
   * Traces that this worker took `object`: always after a wait (stamped with
   * the wake-up, which it follows), otherwise only when tracing everything.
   */
  traceAcquired(object: number, waited: boolean): void {
    if (waited) this.trace.follow(EventKind.Acquire, object, this.id);
    else if (this.traceAll) this.trace.emit(EventKind.Acquire, object, this.id);
  }

  /**
   * Traces that this worker released `object`: when it woke a waiter (the
   * hand-over the timeline explains), otherwise only when tracing
   * everything. A release that woke nobody costs no clock read.
   */
  traceReleased(object: number, wokeWaiter: boolean): void {
    if (wokeWaiter || this.traceAll) this.trace.emit(EventKind.Release, object, this.id);
  }

  /** Asks for `state` to be published at this worker's next block or end; the caller asks once until then. */
  deferPublish(state: Publishable): void {
    this.unpublished.push(state);
  }

  /** Publishes every deferred state now. */
  publish(): void {
    for (const state of this.unpublished) state.publish();
    this.unpublished.length = 0;
  }
}
