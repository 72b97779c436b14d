/** Times as the timeline writes them: axis ticks at round steps, durations in tooltips. */
import { uiMessage } from "../messages/messages";

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

/** Number formats by decimals: making one per label would cost more than the rest of the axis. */
const formats = new Map<number, Intl.NumberFormat>();

/** A tick's label: as many decimals as the step needs. */
export function formatTick(ms: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  let format = formats.get(decimals);
  if (format === undefined) formats.set(decimals, (format = new Intl.NumberFormat("en", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return uiMessage("time.ms", { value: format.format(ms) });
}

/** A duration or instant for people: µs below a millisecond, then ms, then s. */
export function formatMs(ms: number): string {
  if (ms < 1) return uiMessage("time.us", { value: (ms * 1000).toFixed(0) });
  if (ms < 100) return uiMessage("time.ms", { value: ms.toFixed(2) });
  if (ms < 10_000) return uiMessage("time.ms", { value: ms.toFixed(0) });
  return uiMessage("time.s", { value: (ms / 1000).toFixed(2) });
}
