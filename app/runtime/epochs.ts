/**
 * Epochs: explore runs thousands of schedules of one scenario, and starting
 * a run (evaluating the scenario on every worker, allocating its memory,
 * a round of messages) costs far more than a schedule's few dozen steps. So
 * an explore run keeps its workers: after each body ends, a worker sleeps on
 * the header's `epoch` word until the controller, having driven the
 * schedule, tells it what comes next (DESIGN.md, "Step and explore": "an
 * epoch resets shared memory and restarts the bodies").
 *
 *   Judge  worker 0 computes the result and checks the goals; a broken
 *          goal sets `epochFailed` (as a body's error does, before). The
 *          others sleep on.
 *   Next   the controller has restored the shared objects' words; every
 *          worker attaches to them afresh and runs its body again.
 *   Quit   the bodies' call returns, and the run ends as usual.
 *
 * The epoch word holds a count and the command in its low two bits, so a
 * worker reads both at once. The controller's side is
 * engine/explore/epoch-search.ts.
 */
import { Header } from "./memory";
import { fnv1a } from "./fnv1a";

export const EpochCommand = { Judge: 1, Next: 2, Quit: 3 } as const;
export type EpochCommand = (typeof EpochCommand)[keyof typeof EpochCommand];

/** The epoch word now: a worker reads it before its body, then awaits a change. */
export function currentEpoch(words: Int32Array): number {
  return Atomics.load(words, Header.epoch);
}

/** Sleeps until the epoch word moves past `seen`; returns the new value and its command. */
export function awaitEpoch(words: Int32Array, seen: number): { epoch: number; command: EpochCommand } {
  let epoch = Atomics.load(words, Header.epoch);
  while (epoch === seen) {
    Atomics.wait(words, Header.epoch, seen);
    epoch = Atomics.load(words, Header.epoch);
  }
  return { epoch, command: (epoch & COMMAND_BITS) as EpochCommand };
}

/** How a schedule failed, in `epochFailed` (0: it has not). The first failure stays. */
export const EpochFailure = { Error: 1, Broken: 2 } as const;
export type EpochFailure = (typeof EpochFailure)[keyof typeof EpochFailure];

/** Marks this epoch's schedule as failing, unless it already is; `what` tells this failure from others of its kind. */
export function failEpoch(words: Int32Array, why: EpochFailure, what: string): void {
  if (Atomics.compareExchange(words, Header.epochFailed, 0, why) === 0) Atomics.store(words, Header.epochSignature, fnv1a(what) | 0);
}

/** Controller: publishes `command` to the sleeping workers. */
export function sendEpoch(words: Int32Array, command: EpochCommand): void {
  const count = (Atomics.load(words, Header.epoch) >>> 2) + 1;
  Atomics.store(words, Header.epoch, ((count << 2) | command) & 0x7fffffff);
  Atomics.notify(words, Header.epoch);
}

const COMMAND_BITS = 0b11;
