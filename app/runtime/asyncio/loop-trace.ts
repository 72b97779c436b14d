/**
 * The event loop's part of a free run's trace (trace.ts, `LoopStart` to
 * `LoopLag`), for the timeline's task lanes and lag chart
 * (engine/timeline/). Step mode and Explore keep their own record of the
 * steps (task-schedule.ts) and install no LoopTrace.
 *
 * A loop turn must stay cheap (a few hundred ns), so a step is two events
 * and a task's index is looked up once per step. Names and what a task
 * awaits are strings, which the trace cannot carry: each is sent once, a
 * character an event, and what a task awaits is then the number of its
 * words. Times are on the loop's clock (see `LoopStart`).
 */
import { EventKind, now, type TraceWriter } from "../trace";
import { AwaitKind, awaitKindOf } from "./await-kinds";
import type { LoopClock } from "./clock";
import type { LoopObserver } from "./loop";
import type { Task } from "./task";

/** Longer names and words are cut: a lane has room for fewer. */
const MAX_CHARS = 60;
/** Distinct words numbered, at most: past it (every await its own words, `loop.io(Math.random())`), only the kind is sent. */
const MAX_WORDS = 4096;
/** The trace's object field has 24 bits. */
const OBJECT_MASK = 0xffffff;
const LAST_CHAR = 1 << 31;
/** A lag of more than half an hour is written as that. */
const MAX_LAG_US = 0x7fffffff;

export class LoopTrace implements LoopObserver {
  private readonly tasks = new Map<Task<unknown>, number>();
  private readonly words = new Map<string, number>();
  /** The index of the task whose step runs: the loop ends a step only of the task that began it (loop.ts, `endStep`). */
  private stepping = 0;
  /** The shared clock's time (ms) at the loop clock's zero. */
  private readonly zero: number;

  constructor(
    private readonly trace: TraceWriter,
    private readonly clock: LoopClock,
  ) {
    this.zero = now() - clock.now() * 1000;
  }

  start(): void {
    this.trace.emitAt(this.time(), EventKind.LoopStart, 0, this.clock.kind === "virtual" ? 1 : 0);
  }

  end(): void {
    this.trace.emitAt(this.time(), EventKind.LoopEnd, 0, 0);
  }

  taskCreated(task: Task<unknown>): void {
    const index = this.tasks.size & OBJECT_MASK;
    this.tasks.set(task, index);
    const time = this.time();
    this.trace.emitAt(time, EventKind.TaskCreated, index, 0);
    this.chars(time, EventKind.TaskNameChar, index, task.name);
  }

  stepBegins(task: Task<unknown>): void {
    this.stepping = this.tasks.get(task) ?? 0;
    const time = this.time();
    this.trace.emitAt(time, EventKind.TaskStep, this.stepping, 0);
    // The lag a Python monitor measures: from when its sleep was due to when its code runs again, not to when the timer fired.
    const due = task.wokenFromDue();
    if (due !== null) this.trace.emitAt(time, EventKind.LoopLag, 0, lagUs(this.clock.now() - due));
  }

  stepEnds(task: Task<unknown>): void {
    const time = this.time();
    this.trace.emitAt(time, EventKind.TaskSuspend, this.stepping, this.awaits(task, time));
  }

  private time(): number {
    return this.zero + this.clock.now() * 1000;
  }

  /** What the task's step ended on: its AwaitKind | its words' number << 4. */
  private awaits(task: Task<unknown>, time: number): number {
    if (task.done()) return task.cancelled() ? AwaitKind.Cancelled : task.peekError() === undefined ? AwaitKind.Done : AwaitKind.Failed;
    const waitsFor = task.waitingFor();
    if (waitsFor === null) return AwaitKind.Ready;
    const known = this.words.get(waitsFor);
    if (known !== undefined) return known;
    const kind = awaitKindOf(waitsFor);
    if (this.words.size >= MAX_WORDS) return kind;
    const id = this.words.size + 1;
    this.words.set(waitsFor, kind | (id << 4));
    this.chars(time, EventKind.WordsChar, id, waitsFor);
    return kind | (id << 4);
  }

  /** `text` a character an event: code unit | position << 16, the last one flagged. */
  private chars(time: number, kind: EventKind, object: number, text: string): void {
    const cut = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
    for (let i = 0; i < cut.length; i++) {
      this.trace.emitAt(time, kind, object, cut.charCodeAt(i) | (i << 16) | (i === cut.length - 1 ? LAST_CHAR : 0));
    }
  }
}

/** `seconds` late, in whole µs, as the trace's value field holds it. */
function lagUs(seconds: number): number {
  return Math.min(Math.max(0, Math.round(seconds * 1e6)), MAX_LAG_US);
}
