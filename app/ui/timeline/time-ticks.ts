/** Where the time axis puts its ticks: at round steps (their labels are durations.ts's `formatTick`). */

export interface Ticks {
  /** Distance between ticks, a 1, 2 or 5 times a power of ten (ms). */
  readonly step: number;
  readonly times: readonly number[];
}

/** Ticks at a round step leaving at least `minGap` pixels between labels. */
export function timeTicks(start: number, span: number, pixels: number, minGap: number): Ticks {
  const raw = (span * minGap) / Math.max(pixels, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const times: number[] = [];
  // Multiples of the step, not sums of it, so no rounding error builds up; the slack keeps the last one.
  const last = Math.floor((start + span) / step + 1e-9);
  // `|| 0` turns -0 into 0, which would be labelled "-0 ms".
  for (let k = Math.ceil(start / step - 1e-9); k <= last; k++) times.push(k * step || 0);
  return { step, times };
}
