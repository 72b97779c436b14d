/**
 * The timeline model: what the canvas draws and charts count, read-only to
 * everyone but the builder that fills it (builder.ts).
 *
 * Times are ms since the run's origin. A lane's segments are contiguous from
 * its first event on: segment i spans [starts[i], starts[i + 1]), and the
 * last one, still open, spans [starts[count - 1], model.end). Segments live in
 * typed arrays longer than `count` that are replaced as they grow: read them
 * through the lane each time, never keep an array across versions.
 */
import type { LaneNote } from "./note";

export interface Lane {
  readonly worker: number;
  /** "A", "B", ... */
  readonly name: string;
  readonly count: number;
  readonly starts: Float64Array;
  /** LaneState per segment. */
  readonly states: Uint8Array;
  /** Word index of the object a waiting segment waits on; 0 for other states. */
  readonly objects: Int32Array;
  readonly markCount: number;
  readonly markTimes: Float64Array;
  /** The number the scenario gave each mark. */
  readonly markValues: Int32Array;
  readonly note: LaneNote | null;
  /** ms spent in each state by segments already closed, indexed by LaneState (see `laneStats` for the total). */
  readonly closedMs: Float64Array;
  /** How many times the worker took the GIL. */
  readonly gilTakes: number;
  /** How many times it blocked on an object, and how many of those waits ended by timeout. */
  readonly waits: number;
  readonly timeouts: number;
}

export interface TimelineModel {
  /** One lane per worker, in worker order. */
  readonly lanes: readonly Lane[];
  /** Object word index to name, for waiting segments and notes. */
  readonly names: ReadonlyMap<number, string>;
  /** Where open segments end: the latest event or `advance` time. */
  readonly end: number;
  /** True once any worker took the GIL: the run is in `gil` mode, and not holding the GIL is `runnable`. */
  readonly gilMode: boolean;
  /** Trace events overwritten before the page read them (TraceReader.dropped): the lanes may have gaps. */
  readonly dropped: number;
  /** Bumped on every change, so a view redraws only when it moved. */
  readonly version: number;
}
