/**
 * What a worker is doing at a moment, as the timeline draws it. One state at
 * a time per lane; when several apply (a worker blocked on a lock has also
 * given up the GIL), the one that explains the wait wins.
 */
export const LaneState = {
  /** Executing, in a run with no GIL (free-threaded or processes). */
  Running: 0,
  /** GIL mode: able to run but not holding the GIL (queued for it, or dropped it on request). */
  Runnable: 1,
  /** GIL mode: holding the GIL, from GilTake to GilDrop. */
  Gil: 2,
  /** Blocked on a shared object (a lock...), from Wait to Wake. */
  Waiting: 3,
  /** In simulated I/O, from IoStart to IoEnd. */
  Io: 4,
  /** The body ended. */
  Done: 5,
} as const;
export type LaneState = (typeof LaneState)[keyof typeof LaneState];

/** Names indexed by state number. */
export const LANE_STATE_NAMES = ["running", "runnable", "gil", "waiting", "io", "done"] as const;
export type LaneStateName = (typeof LANE_STATE_NAMES)[number];

export const LANE_STATE_COUNT = LANE_STATE_NAMES.length;
