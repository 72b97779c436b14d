/**
 * Series: values recorded during a run, for a lesson's "over time" charts
 * (connections in use, a buffer's fill, a queue's depth). Any worker records
 * a value; `result` returns the points, which the page charts.
 *
 * Algorithm: an append-only log in the run memory. A worker claims the next
 * slot with one Atomics.add on the count, then writes its time and value
 * there; slots are never reused, so writers never contend for one. Claims
 * past the capacity are counted and dropped, not wrapped: a chart of the
 * start of a run is truer than one with holes. Readers (the `result`, after
 * every worker has finished) sort by time, since a worker may take its time
 * before another that claims a slot after it.
 *
 * Layout (word offsets from `index`):
 *   +0 count: slots claimed, possibly more than the capacity
 *   +1 capacity
 *   +2 points: capacity pairs of float32 (ms since the run started, value)
 */
import type { Arena } from "./memory";
import { PointKind, schedulingPoint } from "./gate";
import { now } from "./trace";
import { ScenarioUsageError } from "./errors";
import { runtimeMessage } from "./messages/message";

const COUNT = 0;
const CAPACITY = 1;
const POINTS = 2;
const DEFAULT_CAPACITY = 4000;
const MAX_CAPACITY = 100_000;
/** Points a chart draws at most: more are merged into this many time buckets (see `points`). */
export const MAX_CHART_POINTS = 400;

/** A point of a series: [ms since the run started, value]. */
export type Point = [number, number];

export class Series {
  private readonly words: Int32Array;
  private readonly floats: Float32Array;

  /** @internal */
  constructor(
    arena: Arena,
    readonly name: string,
    readonly index: number,
    private readonly origin: number,
  ) {
    this.words = arena.words;
    this.floats = new Float32Array(arena.buffer);
  }

  /** @internal */
  static allocate(arena: Arena, name: string, init: boolean, origin: number, capacity = DEFAULT_CAPACITY): Series {
    if (!(Number.isInteger(capacity) && capacity >= 1 && capacity <= MAX_CAPACITY)) {
      throw new ScenarioUsageError(runtimeMessage("series.capacity", { name, max: MAX_CAPACITY, got: String(capacity) }));
    }
    const index = arena.allocate("series", name, POINTS + 2 * capacity);
    if (init) Atomics.store(arena.words, index + CAPACITY, capacity);
    return new Series(arena, name, index, origin);
  }

  /** Records `value` at this moment of the run. */
  record(value: number): void {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new ScenarioUsageError(runtimeMessage("series.value", { name: this.name, got: String(value) }));
    }
    schedulingPoint(PointKind.Record, this.index);
    const slot = Atomics.add(this.words, this.index + COUNT, 1);
    if (slot >= this.capacity) return;
    const at = this.index + POINTS + 2 * slot;
    this.floats[at] = now() - this.origin;
    this.floats[at + 1] = value;
  }

  /** How many values were recorded, including any past the capacity. */
  get recorded(): number {
    schedulingPoint(PointKind.Query, this.index);
    return Atomics.load(this.words, this.index + COUNT);
  }

  /**
   * The recorded points in time order, for a chart: at most 400. More are
   * merged into 400 equal spans of time, each keeping its largest value, so
   * that peaks (the most connections ever in use) survive.
   */
  points(): Point[] {
    schedulingPoint(PointKind.Query, this.index);
    const count = Math.min(Atomics.load(this.words, this.index + COUNT), this.capacity);
    const points: Point[] = [];
    for (let slot = 0; slot < count; slot++) {
      const at = this.index + POINTS + 2 * slot;
      points.push([round(this.floats[at]!), this.floats[at + 1]!]);
    }
    points.sort((a, b) => a[0] - b[0]);
    return points.length <= MAX_CHART_POINTS ? points : peaks(points, MAX_CHART_POINTS);
  }

  private get capacity(): number {
    return Atomics.load(this.words, this.index + CAPACITY);
  }
}

/** Merges time-ordered points into `buckets` equal spans of time, keeping each span's largest value. */
function peaks(points: readonly Point[], buckets: number): Point[] {
  const start = points[0]![0];
  const span = (points[points.length - 1]![0] - start) / buckets || 1;
  const merged = new Map<number, Point>();
  for (const [time, value] of points) {
    const bucket = Math.min(buckets - 1, Math.floor((time - start) / span));
    const kept = merged.get(bucket);
    if (kept === undefined || value > kept[1]) merged.set(bucket, [time, value]);
  }
  return [...merged.values()];
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
