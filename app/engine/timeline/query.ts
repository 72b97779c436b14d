/** Reading a timeline model: where a segment ends, which segment holds a time, per-lane totals for charts. */
import { LANE_STATE_NAMES, type LaneStateName } from "./lane-state";
import type { Lane, TimelineModel } from "./model";

export function segmentEnd(model: TimelineModel, lane: Lane, i: number): number {
  return i + 1 < lane.count ? lane.starts[i + 1]! : model.end;
}

/** The segment covering `time`: the last one starting at or before it; -1 before the lane's first event. */
export function segmentAt(lane: Lane, time: number): number {
  return countBelow(lane.starts, lane.count, time, true) - 1;
}

/** The first mark at or after `time` (markCount when none). */
export function markFrom(lane: Lane, time: number): number {
  return countBelow(lane.markTimes, lane.markCount, time, false);
}

export interface LaneStats {
  /** ms in each state up to the model's end. */
  readonly ms: Readonly<Record<LaneStateName, number>>;
  readonly gilTakes: number;
  readonly waits: number;
  readonly timeouts: number;
  readonly marks: number;
}

/** A lane's totals, the open segment included: small numbers for summary charts. */
export function laneStats(model: TimelineModel, lane: Lane): LaneStats {
  const ms = Array.from(lane.closedMs);
  const last = lane.count - 1;
  if (last >= 0) ms[lane.states[last]!]! += Math.max(0, model.end - lane.starts[last]!);
  const named = Object.fromEntries(LANE_STATE_NAMES.map((name, state) => [name, ms[state]!])) as Record<LaneStateName, number>;
  return { ms: named, gilTakes: lane.gilTakes, waits: lane.waits, timeouts: lane.timeouts, marks: lane.markCount };
}

/** How many times any worker took the GIL, a worker retaking its own included (the runtime's switch count counts changes of holder). */
export function gilSwitches(model: TimelineModel): number {
  return model.lanes.reduce((sum, lane) => sum + lane.gilTakes, 0);
}

/** How many of the first `count` sorted values are below `value` (or equal to it, when `orEqual`). */
function countBelow(sorted: Float64Array, count: number, value: number, orEqual: boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value || (orEqual && sorted[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
