/**
 * What a task's step ended on, as a small number for the trace (loop-trace.ts)
 * and the timeline's task lanes (engine/timeline/task-track.ts). What a task
 * awaits is known only in words (a future's `waitsFor`: "lock L", "I/O of
 * 0.1 s"), written where each kind of future is made; their first words say
 * the kind, and await-kinds.test.ts holds each maker to its words.
 */
export const AwaitKind = {
  /** Not suspended on a future: it yielded (`sleep(0)`), or is woken and waits for its turn. */
  Ready: 0,
  Done: 1,
  Cancelled: 2,
  /** Ended with an exception. */
  Failed: 3,
  /** Simulated I/O (`loop.io`). */
  Io: 4,
  /** A timer (`loop.sleep`). */
  Sleep: 5,
  /** A lock, semaphore, event, condition or queue of the loop's, or a bare future. */
  Object: 6,
  /** Other tasks: one task, a gather, a task group's tasks, as_completed's next. */
  Tasks: 7,
  /** A job on the executor's workers (runInExecutor, toThread). */
  Job: 8,
} as const;
export type AwaitKind = (typeof AwaitKind)[keyof typeof AwaitKind];

const BY_FIRST_WORDS: readonly (readonly [string, AwaitKind])[] = [
  ["I/O of ", AwaitKind.Io],
  ["a sleep", AwaitKind.Sleep],
  ["task ", AwaitKind.Tasks],
  ["a gather of ", AwaitKind.Tasks],
  ["its task group's tasks", AwaitKind.Tasks],
  ["the next child of as_completed", AwaitKind.Tasks],
  ["job ", AwaitKind.Job],
];

/** The kind of a pending future, from its `waitsFor` words. */
export function awaitKindOf(waitsFor: string): AwaitKind {
  for (const [words, kind] of BY_FIRST_WORDS) if (waitsFor.startsWith(words)) return kind;
  return AwaitKind.Object;
}
