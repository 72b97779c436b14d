/**
 * One worker's runtime context for a run: its id, trace, status and GIL.
 * Every primitive that can block does so through `block`, so that every
 * blocking call is recorded (status and trace, for the watchdog and the
 * timeline) and releases the GIL while it waits, as CPython's do.
 */
import { Gil } from "./gil";
import { Header, type Arena } from "./memory";
import { EventKind, TraceWriter } from "./trace";
import { WorkerState, WorkerStatus } from "./worker-status";

export class Thread {
  readonly trace: TraceWriter;
  readonly status: WorkerStatus;
  readonly gil: Gil;
  /** Trace every acquire and release, not only the contended ones (see trace.ts). */
  readonly traceAll: boolean;

  constructor(
    readonly arena: Arena,
    readonly id: number,
  ) {
    this.trace = new TraceWriter(arena.buffer, arena.layout, id);
    this.status = new WorkerStatus(arena.buffer, arena.layout, id);
    this.gil = new Gil(arena.words, id, this.trace);
    this.traceAll = Atomics.load(arena.words, Header.traceAll) === 1;
  }

  /**
   * Atomics.wait on `words[index]` while it holds `expected`, for at most
   * `timeoutMs`, recorded as waiting on `object` (a shared object's word index).
   */
  block(index: number, expected: number, timeoutMs: number, object: number): "ok" | "not-equal" | "timed-out" {
    this.status.blockedOn(object, Number.isFinite(timeoutMs));
    this.trace.emit(EventKind.Wait, object);
    const hadGil = this.gil.isHeld;
    this.gil.drop();
    const outcome = Atomics.wait(this.arena.words, index, expected, timeoutMs);
    // Woken first, then queued for the GIL: the timeline shows the two waits apart.
    this.status.set(WorkerState.Running);
    this.trace.emit(EventKind.Wake, object, outcome === "timed-out" ? 1 : 0);
    if (hadGil) this.gil.take();
    return outcome;
  }
}
