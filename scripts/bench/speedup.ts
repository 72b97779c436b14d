/**
 * The 2-vs-1-worker speedup of a fixed total of CPU work, for the speedup
 * figures. A side is one way of doing that work on 1 or 2 workers, timed;
 * every side runs on 1 and on 2 workers in each repetition, interleaved, and
 * its speedup is its 1-worker time over its 2-worker time in the same
 * repetition. Figures whose sides do different work compare their speedups,
 * never their times.
 */
import { interleaved, median, ratios, type Part } from "./harness";

/** Does the side's whole fixed work on `workers` workers and returns its time (any unit, lower is faster). */
export type Side = (workers: number) => Promise<number>;

export interface Speedup {
  readonly one: readonly number[];
  readonly two: readonly number[];
  /** Per repetition: one / two. */
  readonly speedup: readonly number[];
}

export async function measureSpeedups<K extends string>(
  repetitions: number,
  sides: Readonly<Record<K, Side>>,
  log: (line: string) => void,
): Promise<Record<K, Speedup>> {
  const names = Object.keys(sides) as K[];
  const steps: Record<string, () => Promise<number>> = {};
  for (const name of names) {
    steps[`${name}1`] = () => sides[name](1);
    steps[`${name}2`] = () => sides[name](2);
  }
  const s = await interleaved(repetitions, steps, log);
  const speedups = {} as Record<K, Speedup>;
  for (const name of names) {
    const one = s[`${name}1`]!;
    const two = s[`${name}2`]!;
    speedups[name] = { one, two, speedup: ratios(one, two) };
  }
  return speedups;
}

/** A side's medians for the reader: `side speedup, 2 vs 1 worker`, then `time, 1 worker` and `time, 2 workers`. */
export function speedupParts(side: string, time: string, s: Speedup, unit = "ms"): Part[] {
  return [
    { name: `${side} speedup, 2 vs 1 worker`, value: median(s.speedup), unit: "x" },
    { name: `${time}, 1 worker`, value: median(s.one), unit },
    { name: `${time}, 2 workers`, value: median(s.two), unit },
  ];
}
