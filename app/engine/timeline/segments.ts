/**
 * A lane's segments and marks while they are built, whatever the lane
 * follows (a worker: lane-track.ts; an asyncio task: task-track.ts): a new
 * segment starts when the state or its object changes, and events at one
 * timestamp leave no zero-length segment.
 */
import { grown } from "./grow";
import { LANE_STATE_COUNT, type LaneState } from "./lane-state";
import type { Lane } from "./model";
import type { LaneNote } from "./note";

export abstract class Segments implements Lane {
  count = 0;
  starts = new Float64Array(64);
  states = new Uint8Array(64);
  objects = new Int32Array(64);
  markCount = 0;
  markTimes = new Float64Array(8);
  markValues = new Int32Array(8);
  note: LaneNote | null = null;
  gapCount = 0;
  gapStarts = new Float64Array(4);
  gapEnds = new Float64Array(4);
  readonly closedMs = new Float64Array(LANE_STATE_COUNT);
  gilTakes = 0;
  waits = 0;
  timeouts = 0;

  constructor(
    readonly worker: number,
    readonly task: number,
    public name: string,
  ) {}

  /** The lane is in `state` (on `object`) from `time` on. */
  protected enter(state: LaneState, object: number, time: number): void {
    const last = this.count - 1;
    if (last >= 0 && this.states[last] === state && this.objects[last] === object) return;
    if (last >= 0 && time <= this.starts[last]!) {
      this.replaceLast(state, object);
      return;
    }
    if (last >= 0) this.closedMs[this.states[last]!]! += time - this.starts[last]!;
    this.push(time, state, object);
  }

  /** Events of this lane's between `from` and `to` were lost. */
  gap(from: number, to: number): void {
    const i = this.gapCount++;
    if (i === this.gapStarts.length) {
      this.gapStarts = grown(this.gapStarts);
      this.gapEnds = grown(this.gapEnds);
    }
    this.gapStarts[i] = from;
    this.gapEnds[i] = to;
  }

  protected mark(time: number, value: number): void {
    const i = this.markCount++;
    if (i === this.markTimes.length) {
      this.markTimes = grown(this.markTimes);
      this.markValues = grown(this.markValues);
    }
    this.markTimes[i] = time;
    this.markValues[i] = value;
  }

  /**
   * Events at the same timestamp (the clock ticks in 5 or 100 µs; a virtual
   * loop's steps take no time at all) leave no zero-length segment: the last
   * one changes state instead, and merges into the one before when they now
   * match.
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
}
