/**
 * The event loop's lag chart, under the lanes. Each task woken by a sleep or
 * an I/O that resumed late was late from its due time until then, more so
 * every moment: a ramp from 0 at its due time to its lag when it resumed
 * (a Python monitor's measure). Each pixel column
 * shows the highest ramp over it, so CPU work on the loop, which makes
 * whatever falls due meanwhile wait, shows as a spike as wide as the work
 * and, at its end, as high.
 */
import type { LagSeries } from "../../engine/timeline/lag";
import { formatDuration } from "../durations";
import type { Geometry } from "./geometry";
import { INK, MUTED } from "./palette";
import type { Box, Pixels } from "./rasterize";
import type { TimeView } from "./view";
import { uiMessage } from "../messages/messages";

const NAME_FONT = "600 12px system-ui, sans-serif";
const LABEL_FONT = "11px system-ui, sans-serif";
/** Below this, the chart's scale would magnify clock noise. */
const MIN_SCALE_MS = 1;

/** The highest lag over each of `columns` columns across `view`, in ms. */
export function lagColumns(lag: LagSeries, view: TimeView, columns: number): Float64Array {
  const highest = new Float64Array(columns);
  const perMs = columns / view.span;
  const { times, lags, count } = lag;
  for (let i = 0; i < count; i++) {
    const handled = times[i]!;
    const due = handled - lags[i]!;
    if (handled <= due || handled < view.start || due > view.start + view.span) continue;
    const first = Math.max(0, Math.floor((due - view.start) * perMs));
    const last = Math.min(columns - 1, Math.floor((handled - view.start) * perMs));
    for (let x = first; x <= last; x++) {
      const late = Math.min(handled, view.start + (x + 1) / perMs) - due;
      if (late > highest[x]!) highest[x] = late;
    }
  }
  return highest;
}

/** The chart's bars into `box`, scaled so that the run's peak fills its height. */
export function rasterizeLag({ data, stride }: Pixels, box: Box, lag: LagSeries, view: TimeView, color: number, empty: number): void {
  const highest = lagColumns(lag, view, box.w);
  const top = Math.max(lag.peak, MIN_SCALE_MS);
  for (let x = 0; x < box.w; x++) {
    const bar = Math.round(Math.min(1, highest[x]! / top) * box.h);
    for (let row = 0, at = (box.y + box.h - 1) * stride + box.x + x; row < box.h; row++, at -= stride) data[at] = row < bar ? color : empty;
  }
}

/** Its name in the gutter, and under it its scale: the run's peak, the height of the band. */
export function drawLagLabels(ctx: CanvasRenderingContext2D, geo: Geometry, lag: LagSeries): void {
  const middle = geo.lagTop + geo.lagHeight / 2;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  ctx.font = NAME_FONT;
  ctx.fillStyle = INK;
  ctx.fillText(uiMessage("timeline.loopLag"), 8, middle - 8);
  ctx.font = LABEL_FONT;
  ctx.fillStyle = MUTED;
  ctx.fillText(lag.count === 0 ? uiMessage("timeline.nothingDue") : uiMessage("timeline.peak", { lag: formatDuration(lag.peak) }), 8, middle + 8);
}
