/**
 * What a worker or an asyncio task is doing at a moment, as the timeline
 * draws it. One state at a time per lane; when several apply (a worker
 * blocked on a lock has also given up the GIL), the one that explains the
 * wait wins. A task lane uses Running, Io, Waiting and Done too, with the
 * states after Done that only tasks and their loop have.
 */
export const LaneState = {
  /** Executing, in a run with no GIL (free-threaded or processes); a task: its step runs. */
  Running: 0,
  /** GIL mode: able to run but not holding the GIL (queued for it, or dropped it on request). */
  Runnable: 1,
  /** GIL mode: holding the GIL, from GilTake to GilDrop. */
  Gil: 2,
  /** Blocked on a shared object (a lock...), from Wait to Wake; a task: awaits a lock, event, queue or future of the loop's. */
  Waiting: 3,
  /** In simulated I/O, from IoStart to IoEnd; a task: awaits `loop.io`. */
  Io: 4,
  /** The body ended; a task: returned. */
  Done: 5,
  /** A task that can run and waits for its turn on the loop: new, or after `sleep(0)`. */
  Ready: 6,
  /** A task awaiting a timer (`loop.sleep`). */
  Sleeping: 7,
  /** A task awaiting other tasks (one, a gather, its task group). */
  AwaitingTasks: 8,
  /** A task awaiting a job on the executor's workers. */
  Job: 9,
  Cancelled: 10,
  /** A task that ended with an exception. */
  Failed: 11,
  /** The loop's worker between task steps: no task ready, the loop waits for a timer or I/O. */
  Idle: 12,
} as const;
export type LaneState = (typeof LaneState)[keyof typeof LaneState];

/** Names indexed by state number. */
export const LANE_STATE_NAMES = ["running", "runnable", "gil", "waiting", "io", "done", "ready", "sleeping", "awaiting-tasks", "job", "cancelled", "failed", "idle"] as const;
export type LaneStateName = (typeof LANE_STATE_NAMES)[number];

export const LANE_STATE_COUNT = LANE_STATE_NAMES.length;
