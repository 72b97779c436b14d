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
import type { LagSeries } from "./lag";
import type { LaneNote } from "./note";

export interface Lane {
  readonly worker: number;
  /** The asyncio task this lane follows, by its number in creation order (`main` is 0), on the loop of `worker`; -1 on a worker's own lane. */
  readonly task: number;
  /** "A", "B", ... for a worker; a task's name. */
  readonly name: string;
  readonly count: number;
  readonly starts: Float64Array;
  /** LaneState per segment. */
  readonly states: Uint8Array;
  /** Word index of the object a waiting segment waits on (`names`); on a task lane, the number of what it awaits in words (`words`); 0 when none. */
  readonly objects: Int32Array;
  readonly markCount: number;
  readonly markTimes: Float64Array;
  /** The number the scenario gave each mark. */
  readonly markValues: Int32Array;
  readonly note: LaneNote | null;
  /** Where the page lost this lane's events (its worker's, for a task lane): the segments there may be wrong. In time order. */
  readonly gapCount: number;
  readonly gapStarts: Float64Array;
  readonly gapEnds: Float64Array;
  /** ms spent in each state by segments already closed, indexed by LaneState (see `laneStats` for the total). */
  readonly closedMs: Float64Array;
  /** How many times the worker took the GIL. */
  readonly gilTakes: number;
  /** How many times it blocked on an object, and how many of those waits ended by timeout. */
  readonly waits: number;
  readonly timeouts: number;
}

/** A run's asyncio event loop, as the timeline shows it. */
export interface LoopInfo {
  /** The worker that runs it: its tasks' lanes follow its own. */
  readonly worker: number;
  /** On the virtual clock, the loop's lanes are on its time, which stands still while tasks run. */
  readonly clock: "virtual" | "real";
  /** How many tasks it created: past MAX_TASK_LANES (loop-tracks.ts) they have no lane. */
  readonly tasks: number;
  readonly lag: LagSeries;
}

export interface TimelineModel {
  /** One lane per worker, in worker order, with the lanes of a loop's tasks after their loop's worker. */
  readonly lanes: readonly Lane[];
  /** Object word index to name, for waiting segments and notes. */
  readonly names: ReadonlyMap<number, string>;
  /** What tasks await, in words ("lock L", "I/O of 0.1 s"), by the number their lanes' objects hold. */
  readonly words: ReadonlyMap<number, string>;
  /** The asyncio loop, when the run has one. */
  readonly loop: LoopInfo | null;
  /** Where open segments end: the latest event or `advance` time. */
  readonly end: number;
  /** True once any worker took the GIL: the run is in `gil` mode, and not holding the GIL is `runnable`. */
  readonly gilMode: boolean;
  /** Trace events overwritten before the page read them (TraceReader.dropped): the lanes may have gaps. */
  readonly dropped: number;
  /** Bumped on every change, so a view redraws only when it moved. */
  readonly version: number;
}
