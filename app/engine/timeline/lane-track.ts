/**
 * One worker's lane while it is built. What the worker is doing is kept as
 * flags that its trace events set and clear (holds the GIL, in I/O, blocked
 * on an object, done); after each event the flags name one LaneState, and a
 * new segment starts when that state or its object changed. Flags rather than
 * a strict state machine, so a lost event (a dropped trace) costs one wrong
 * segment, not a wrong lane from there on.
 */
import { EventKind } from "../../runtime/trace";
import { grown } from "./grow";
import { LANE_STATE_COUNT, LaneState } from "./lane-state";
import type { Lane } from "./model";
import type { LaneNote } from "./note";

const NONE = -1;

export class LaneTrack implements Lane {
  count = 0;
  starts = new Float64Array(64);
  states = new Uint8Array(64);
  objects = new Int32Array(64);
  markCount = 0;
  markTimes = new Float64Array(8);
  markValues = new Int32Array(8);
  note: LaneNote | null = null;
  readonly closedMs = new Float64Array(LANE_STATE_COUNT);
  gilTakes = 0;
  waits = 0;
  timeouts = 0;

  private holdsGil = false;
  private inIo = false;
  private waitingOn = NONE;
  private done = false;

  constructor(
    readonly worker: number,
    readonly name: string,
  ) {}

  /** Applies one event at `time` (ms since origin); `gilMode` says what not holding the GIL means. */
  apply(kind: number, object: number, value: number, time: number, gilMode: boolean): void {
    switch (kind) {
      case EventKind.Start:
        // The lane begins at its first event (a lost Start costs nothing more).
        break;
      case EventKind.End:
        this.done = true;
        break;
      case EventKind.Wait:
        this.waitingOn = object;
        this.waits++;
        break;
      case EventKind.Wake:
        this.waitingOn = NONE;
        if (value === 1) this.timeouts++;
        break;
      case EventKind.GilTake:
        // Only a running worker takes the GIL: a wait or I/O whose end event
        // comes later (Thread.block traces Wake after retaking it) is over.
        this.holdsGil = true;
        this.waitingOn = NONE;
        this.inIo = false;
        this.gilTakes++;
        break;
      case EventKind.GilDrop:
        this.holdsGil = false;
        break;
      case EventKind.IoStart:
        this.inIo = true;
        break;
      case EventKind.IoEnd:
        this.inIo = false;
        break;
      case EventKind.Mark:
        this.mark(time, value);
        return;
      default:
        // Acquire and Release are instants: they change nothing the lane shows.
        return;
    }
    this.enter(this.state(gilMode), this.waitingOn === NONE ? 0 : this.waitingOn, time);
  }

  /** The run turned out to be in GIL mode: what was drawn as running was runnable. */
  relabelRunning(): void {
    for (let i = 0; i < this.count; i++) if (this.states[i] === LaneState.Running) this.states[i] = LaneState.Runnable;
    this.closedMs[LaneState.Runnable]! += this.closedMs[LaneState.Running]!;
    this.closedMs[LaneState.Running] = 0;
  }

  private state(gilMode: boolean): LaneState {
    if (this.done) return LaneState.Done;
    if (this.waitingOn !== NONE) return LaneState.Waiting;
    if (this.inIo) return LaneState.Io;
    if (this.holdsGil) return LaneState.Gil;
    return gilMode ? LaneState.Runnable : LaneState.Running;
  }

  private enter(state: LaneState, object: number, time: number): void {
    const last = this.count - 1;
    if (last >= 0 && this.states[last] === state && this.objects[last] === object) return;
    if (last >= 0 && time <= this.starts[last]!) {
      this.replaceLast(state, object);
      return;
    }
    if (last >= 0) this.closedMs[this.states[last]!]! += time - this.starts[last]!;
    this.push(time, state, object);
  }

  /**
   * Events at the same timestamp (the clock ticks in 5 or 100 µs) leave no
   * zero-length segment: the last one changes state instead, and merges
   * into the one before when they now match.
   */
  private replaceLast(state: LaneState, object: number): void {
    const last = this.count - 1;
    const before = last - 1;
    if (before >= 0 && this.states[before] === state && this.objects[before] === object) {
      this.closedMs[state]! -= this.starts[last]! - this.starts[before]!;
      this.count--;
      return;
    }
    this.states[last] = state;
    this.objects[last] = object;
  }

  private push(time: number, state: LaneState, object: number): void {
    const i = this.count++;
    if (i === this.starts.length) {
      this.starts = grown(this.starts);
      this.states = grown(this.states);
      this.objects = grown(this.objects);
    }
    this.starts[i] = time;
    this.states[i] = state;
    this.objects[i] = object;
  }

  private mark(time: number, value: number): void {
    const i = this.markCount++;
    if (i === this.markTimes.length) {
      this.markTimes = grown(this.markTimes);
      this.markValues = grown(this.markValues);
    }
    this.markTimes[i] = time;
    this.markValues[i] = value;
  }
}
