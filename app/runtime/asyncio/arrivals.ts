/**
 * What may happen next each time the loop looks for I/O, as CPython's
 * `_run_once` does with `select` before it runs the ready callbacks: an
 * I/O completion may arrive, or none; with nothing ready, time passes to
 * whatever comes first. These are asyncio's only choice points (ASYNCIO.md,
 * "Step mode and Explore over tasks"): the order of the ready queue, of
 * `createTask` and of timers' deadlines is fixed, and no choice reorders it.
 *
 * The arrivals at a look are ordered with the default first: the one due
 * first by its nominal time, the ready tasks counting as due now (an I/O
 * already overdue arrives before them). A free run always takes the default;
 * step mode and Explore may take another (an I/O faster or slower than its
 * nominal latency, a timeout that fires before what it guards), and each
 * such choice counts as one preemption.
 */

/** A simulated I/O wait (`loop.io`), or a job run inline for step mode and Explore (executor.ts), that has not completed. */
export interface PendingIo {
  /** In the order the waits began. */
  readonly id: number;
  /** The task that waits, by name. */
  readonly task: string;
  /** What it is: "I/O of 0.2 s", "job crunch". */
  readonly what: string;
  readonly seconds: number;
  /** When it completes at its nominal latency, on the loop's clock. */
  readonly due: number;
  /** Completes the wait: its task is woken at a later loop turn. */
  complete(): void;
  /** Whether anyone still waits for it (a cancelled wait has no one). */
  live(): boolean;
}

export type Arrival =
  /** No I/O arrives now: run the ready callbacks. */
  | { readonly kind: "go" }
  /** Nothing is ready: time passes to the next timer, which fires. */
  | { readonly kind: "timer"; readonly at: number }
  /** This I/O completes now. */
  | { readonly kind: "io"; readonly io: PendingIo };

/** Picks an arrival: its position among `arrivals`, the default first. */
export type ArrivalChooser = (arrivals: readonly Arrival[]) => number;

/** The default: what happens when every I/O takes its nominal time. */
export const nominalTimes: ArrivalChooser = () => 0;

/** What may come next, the default first; empty when nothing is ready, and no timer or I/O is pending: a deadlock. */
export function arrivalsAt(now: number, ready: boolean, pending: readonly PendingIo[], nextTimer: number | null): Arrival[] {
  const timed: { readonly at: number; readonly order: number; readonly arrival: Arrival }[] = pending.map((io) => ({ at: io.due, order: io.id, arrival: { kind: "io", io } }));
  // Overdue I/O arrives before the ready callbacks run (select comes first); the ready ones are otherwise due now.
  if (ready) timed.push({ at: now, order: Number.POSITIVE_INFINITY, arrival: { kind: "go" } });
  // With callbacks ready, due timers join them in this iteration anyway: the clock only jumps when the loop is idle.
  else if (nextTimer !== null) timed.push({ at: nextTimer, order: Number.POSITIVE_INFINITY, arrival: { kind: "timer", at: nextTimer } });
  timed.sort((a, b) => Math.max(a.at, now) - Math.max(b.at, now) || a.order - b.order);
  return timed.map((t) => t.arrival);
}

/** A number that tells arrivals apart across runs of one schedule: a replay must meet the same ones. */
export function arrivalKey(arrival: Arrival): number {
  switch (arrival.kind) {
    case "go":
      return 0;
    case "timer":
      return 1;
    case "io":
      return 2 + arrival.io.id;
  }
}
