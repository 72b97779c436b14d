/**
 * What each worker is doing now, in its status block in the run memory, so
 * the page's watchdog can see a deadlock (every live worker blocked, none
 * with a timeout, none moving) and name the wait-for cycle, and the timeline
 * can draw it.
 *
 * Block layout (STATUS_WORDS words per worker):
 *   +0 state: one of WorkerState
 *   +1 object: word index of what it waits on (when blocked)
 *   +2 timed: 1 when the wait has a timeout (so it will end by itself)
 *   +3 blocks: how many times it has blocked. A woken worker reads Blocked
 *      until it runs, so workers passing a permit round can be seen blocked
 *      on the same objects at every look; only an unchanged count proves
 *      that a worker did not move between two looks.
 *   +4 word: the word it sleeps on, which tells one wait on an object from
 *      another (a queue's get from its put)
 *   +5 expected: the value it sleeps while that word holds. Every primitive
 *      changes the word before it wakes a sleeper, so a word that no longer
 *      holds it means a wake-up is on its way: that worker is not stuck.
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
const BLOCKS = 3;
const WORD = 4;
const EXPECTED = 5;

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

  /** Says this worker sleeps on `word` while it holds `expected`, for `object`; called on every block, so that it counts them. */
  blockedOn(object: number, word: number, expected: number, timed: boolean): void {
    Atomics.store(this.words, this.base + OBJECT, object);
    Atomics.store(this.words, this.base + WORD, word);
    Atomics.store(this.words, this.base + EXPECTED, expected);
    Atomics.store(this.words, this.base + TIMED, timed ? 1 : 0);
    Atomics.add(this.words, this.base + BLOCKS, 1);
    Atomics.store(this.words, this.base + STATE, WorkerState.Blocked);
  }
}

export interface WorkerStatusView {
  readonly state: WorkerState;
  readonly object: number;
  readonly timed: boolean;
  readonly blocks: number;
  readonly word: number;
  readonly expected: number;
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
      blocks: Atomics.load(words, base + BLOCKS),
      word: Atomics.load(words, base + WORD),
      expected: Atomics.load(words, base + EXPECTED),
    };
  });
}
