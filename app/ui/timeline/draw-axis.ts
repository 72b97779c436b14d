/** The time axis: round-step ticks labelled in ms above the lanes, faint grid lines through them. */
import { AXIS, type Geometry } from "./geometry";
import { GRID, MUTED } from "./palette";
import { formatTick } from "../durations";
import { timeTicks } from "./time-ticks";
import type { TimeView } from "./view";

const FONT = "11px system-ui, sans-serif";
const MIN_LABEL_GAP = 90;

export function drawAxis(ctx: CanvasRenderingContext2D, geo: Geometry, view: TimeView): void {
  const { step, times } = timeTicks(view.start, view.span, geo.plotWidth, MIN_LABEL_GAP);
  const scale = geo.plotWidth / view.span;
  const right = geo.plotLeft + geo.plotWidth;
  ctx.lineWidth = 1;
  ctx.strokeStyle = GRID;
  ctx.beginPath();
  ctx.moveTo(geo.plotLeft, AXIS - 0.5);
  ctx.lineTo(right, AXIS - 0.5);
  for (const t of times) {
    const x = Math.round(geo.plotLeft + (t - view.start) * scale) + 0.5;
    ctx.moveTo(x, AXIS - 5);
    ctx.lineTo(x, geo.height);
  }
  ctx.stroke();
  ctx.font = FONT;
  ctx.fillStyle = MUTED;
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";
  times.forEach((t, i) => {
    const label = formatTick(t, step);
    let x = geo.plotLeft + (t - view.start) * scale;
    // Only the outermost labels can leave the plot: they slide inwards.
    if (i === 0 || i === times.length - 1) {
      const half = ctx.measureText(label).width / 2;
      x = Math.min(Math.max(x, geo.plotLeft + half), right - half);
    }
    ctx.fillText(label, x, AXIS - 8);
  });
}
