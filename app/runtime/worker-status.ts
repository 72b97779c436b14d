/**
 * What each worker is doing now, in its status block in the run memory, so
 * the page's watchdog can see a deadlock (every live worker blocked, none
 * with a timeout) and name the wait-for cycle, and the timeline can draw it.
 *
 * Block layout (STATUS_WORDS words per worker):
 *   +0 state: one of WorkerState
 *   +1 object: word index of what it waits on (when blocked)
 *   +2 timed: 1 when the wait has a timeout (so it will end by itself)
 */
import { STATUS_WORDS, type Layout } from "./memory";

export const WorkerState = {
  NotStarted: 0,
  Running: 1,
  Blocked: 2,
  InIo: 3,
  Done: 4,
} as const;
export type WorkerState = (typeof WorkerState)[keyof typeof WorkerState];

const STATE = 0;
const OBJECT = 1;
const TIMED = 2;

export class WorkerStatus {
  private readonly words: Int32Array;
  private readonly base: number;

  constructor(buffer: SharedArrayBuffer, layout: Layout, workerId: number) {
    this.words = new Int32Array(buffer);
    this.base = layout.statusStart + workerId * STATUS_WORDS;
  }

  set(state: WorkerState): void {
    Atomics.store(this.words, this.base + STATE, state);
  }

  blockedOn(object: number, timed: boolean): void {
    Atomics.store(this.words, this.base + OBJECT, object);
    Atomics.store(this.words, this.base + TIMED, timed ? 1 : 0);
    Atomics.store(this.words, this.base + STATE, WorkerState.Blocked);
  }
}

export interface WorkerStatusView {
  readonly state: WorkerState;
  readonly object: number;
  readonly timed: boolean;
}

/** Reads every worker's status (the page side). */
export function readStatuses(buffer: SharedArrayBuffer, layout: Layout, workers: number): WorkerStatusView[] {
  const words = new Int32Array(buffer);
  return Array.from({ length: workers }, (_, id) => {
    const base = layout.statusStart + id * STATUS_WORDS;
    return {
      state: Atomics.load(words, base + STATE) as WorkerState,
      object: Atomics.load(words, base + OBJECT),
      timed: Atomics.load(words, base + TIMED) === 1,
    };
  });
}
