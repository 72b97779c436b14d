/**
 * The trace: what each worker did, when, as a lock-free ring buffer per
 * worker in the run memory. The worker is the only writer of its ring and
 * the page the only reader, so no lock is needed: the worker writes an event,
 * then publishes it by bumping its head (the count of events ever written)
 * with a release store; the page reads the head, then the events before it.
 * A page that falls more than a ring behind loses the oldest events and
 * counts them as dropped, and so are events the writer overwrote while the
 * page was copying them: the page checks the head again after the copy.
 *
 * Taking a timestamp costs about 100 ns, as much as an uncontended lock
 * operation, so by default only what takes time is traced: blocking and
 * waking, the GIL, I/O, marks, and a lock taken after a wait or released to
 * a waiter. A run with `traceAll` also traces every acquire and release.
 * asyncio's loop traces every task step, which is what its lanes are made
 * of: two events a step, stamped with the loop's clock, which on the virtual
 * clock costs no clock read.
 *
 * Event layout (EVENT_WORDS = 4 words, 8-byte aligned):
 *   +0..1  time, float64 ms on the shared clock (`performance.timeOrigin + now`)
 *   +2     kind (low 8 bits) | object word index (upper 24 bits; for the loop's events, a task's or words' number)
 *   +3     value: depends on the kind (a lock's new holder, a switch count...)
 */
import { EVENT_WORDS, TRACE_HEAD_STRIDE, type Layout } from "./memory";

export const EventKind = {
  /** The body started or ended. */
  Start: 1,
  End: 2,
  /** A lock (or other holdable object) was taken or released. */
  Acquire: 3,
  Release: 4,
  /** The worker blocked on an object, and later woke (value 1 when by timeout). */
  Wait: 5,
  Wake: 6,
  /** The simulated GIL was taken or dropped (value: the switch count). */
  GilTake: 7,
  GilDrop: 8,
  /** Simulated I/O began or ended (value: its duration in ms, rounded). */
  IoStart: 9,
  IoEnd: 10,
  /** A mark the scenario made (value: its number). */
  Mark: 11,
  /*
   * asyncio's event loop (asyncio/loop-trace.ts), on the loop's worker, in a
   * free run. Stamped on the loop's clock: on the virtual clock, the run's
   * start plus the loop's virtual time, so that a sleep of a second spans a
   * second of the timeline although it took none.
   */
  /** The loop began (value 1 when its clock is virtual, 0 when real). */
  LoopStart: 12,
  /** `main` returned (or failed) and the loop closed. */
  LoopEnd: 13,
  /** Task `object` was created: tasks are numbered from 0 in creation order, `main` first. */
  TaskCreated: 14,
  /** One character of task `object`'s name: value = UTF-16 code unit | position << 16, bit 31 set on the last one. */
  TaskNameChar: 15,
  /** Task `object` resumed: its step begins. */
  TaskStep: 16,
  /** Task `object`'s step ended: value = what it now awaits (asyncio/await-kinds.ts) | words id << 4 (0: no words). */
  TaskSuspend: 17,
  /** One character of words `object`, what a task awaits ("lock L"): packed as TaskNameChar. */
  WordsChar: 18,
  /** A task woken by a sleep's timer or an I/O resumed `value` µs after it was due: the loop's lag. */
  LoopLag: 19,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/** The writer this worker created last: that of the run it is preparing or running (see `workerTrace`). */
let latest: TraceWriter | null = null;

/**
 * This worker's trace writer for its current run, for code that the
 * scenario API gives no handle to (asyncio's loop, run-main.ts). A worker
 * runs one run at a time, and each ring has one writer, so the writer its
 * Thread made is the one to share: a second would keep its own count.
 */
export function workerTrace(): TraceWriter | null {
  return latest;
}

/** This worker's time origin on the shared clock; constant, and a getter call saved on every event. */
const origin = performance.timeOrigin;
export const now = (): number => origin + performance.now();

/** Writes one worker's events. */
export class TraceWriter {
  private readonly words: Int32Array;
  private readonly times: Float64Array;
  private readonly head: number;
  private readonly ring: number;
  private readonly capacity: number;
  private written = 0;

  constructor(buffer: SharedArrayBuffer, layout: Layout, workerId: number) {
    this.words = new Int32Array(buffer);
    this.times = new Float64Array(buffer);
    this.head = layout.traceHeadStart + workerId * TRACE_HEAD_STRIDE;
    this.capacity = layout.traceCapacity;
    this.ring = layout.traceStart + workerId * layout.traceCapacity * EVENT_WORDS;
    this.written = Atomics.load(this.words, this.head);
    latest = this;
  }

  private lastTime = 0;

  emit(kind: EventKind, object = 0, value = 0): void {
    this.emitAt((this.lastTime = now()), kind, object, value);
  }

  /**
   * An event that comes straight after this worker's previous one (a lock
   * taken on waking), stamped with that event's time: it saves a clock read
   * on the slow paths, and the order of events is kept.
   */
  follow(kind: EventKind, object = 0, value = 0): void {
    this.emitAt(this.lastTime, kind, object, value);
  }

  /** An event stamped with a time of the caller's (the asyncio loop's clock). */
  emitAt(time: number, kind: EventKind, object: number, value: number): void {
    if (this.capacity === 0) return;
    const at = this.ring + (this.written % this.capacity) * EVENT_WORDS;
    this.times[at >> 1] = time;
    this.words[at + 2] = kind | (object << 8);
    this.words[at + 3] = value;
    Atomics.store(this.words, this.head, ++this.written);
  }
}

/** A trace event as the page reads it. */
export interface TraceEvent {
  readonly worker: number;
  readonly time: number;
  readonly kind: EventKind;
  readonly object: number;
  readonly value: number;
}

/** Where a drain lost some of a worker's events: after its event at `from`, before its event at `to` (shared clock; `from` is NaN before its first). */
export interface TraceLoss {
  readonly worker: number;
  readonly from: number;
  readonly to: number;
}

/** Reads every worker's ring; keeps, per worker, how far it has read. */
export class TraceReader {
  private readonly words: Int32Array;
  private readonly times: Float64Array;
  private readonly read: number[];
  /** Each worker's last event read, for where a loss began; whether it lost events with none read since. */
  private readonly lastTimes: number[];
  private readonly unplaced: boolean[];
  /** Events overwritten before they were read. */
  dropped = 0;
  /** Where the last drain lost events; a loss with no event kept after it is placed by the drain that keeps one. */
  losses: TraceLoss[] = [];

  constructor(
    buffer: SharedArrayBuffer,
    private readonly layout: Layout,
    private readonly workers: number,
  ) {
    this.words = new Int32Array(buffer);
    this.times = new Float64Array(buffer);
    this.read = new Array<number>(workers).fill(0);
    this.lastTimes = new Array<number>(workers).fill(Number.NaN);
    this.unplaced = new Array<boolean>(workers).fill(false);
  }

  /** The events written since the last call, worker by worker. */
  drain(): TraceEvent[] {
    this.losses = [];
    const events: TraceEvent[] = [];
    for (let worker = 0; worker < this.workers; worker++) this.drainWorker(worker, events);
    return events;
  }

  /**
   * Copies one worker's new events, then reads its head again: the writer may
   * have lapped the copy, and an event whose slot it has reused, or may be
   * writing now (the one after the new head), is counted as dropped rather
   * than returned torn.
   */
  private drainWorker(worker: number, events: TraceEvent[]): void {
    const { traceHeadStart, traceStart, traceCapacity: capacity } = this.layout;
    const headAt = traceHeadStart + worker * TRACE_HEAD_STRIDE;
    const head = Atomics.load(this.words, headAt);
    const oldest = Math.max(this.read[worker]!, head - capacity);
    const ring = traceStart + worker * capacity * EVENT_WORDS;
    const copied: TraceEvent[] = [];
    for (let i = oldest; i < head; i++) {
      const at = ring + (i % capacity) * EVENT_WORDS;
      const packed = this.words[at + 2]!;
      copied.push({ worker, time: this.times[at >> 1]!, kind: (packed & 0xff) as EventKind, object: packed >>> 8, value: this.words[at + 3]! });
    }
    // Event i's slot is reused by event i + capacity, which the writer may be writing once the head has reached it.
    const firstIntact = Atomics.load(this.words, headAt) + 1 - capacity;
    const lost = Math.max(0, Math.min(head, firstIntact) - oldest);
    for (let i = lost; i < copied.length; i++) events.push(copied[i]!);
    const dropped = oldest - this.read[worker]! + lost;
    this.dropped += dropped;
    this.read[worker] = head;
    if (dropped > 0) this.unplaced[worker] = true;
    if (lost >= copied.length) return;
    if (this.unplaced[worker]) this.losses.push({ worker, from: this.lastTimes[worker]!, to: copied[lost]!.time });
    this.unplaced[worker] = false;
    this.lastTimes[worker] = copied[copied.length - 1]!.time;
  }
}
