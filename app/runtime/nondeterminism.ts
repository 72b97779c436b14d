/**
 * What makes a gated run take another path on the same choices: scenario
 * code reading randomness or a clock. Explore replays choices and trusts
 * that they lead to the same steps; when they do not, it must stop claiming
 * it covered every schedule and say why. So in a gated run this worker's
 * `Math.random` and `Date.now` count their calls in the run header (and
 * `ctx.now` counts itself), for the search to name the likely cause.
 *
 * Each worker has its own globals: the wrappers are this worker's alone.
 */
import { Header } from "./memory";

const originalRandom = Math.random;
const originalDateNow = Date.now;

/** Counts calls into `words` (a gated run's memory), or with null stops counting. */
export function countNondeterminism(words: Int32Array | null): void {
  if (words === null) {
    Math.random = originalRandom;
    Date.now = originalDateNow;
    return;
  }
  Math.random = () => {
    Atomics.add(words, Header.randomCalls, 1);
    return originalRandom();
  };
  Date.now = () => {
    countClockRead(words);
    return originalDateNow();
  };
}

export function countClockRead(words: Int32Array): void {
  Atomics.add(words, Header.clockCalls, 1);
}
