/**
 * One frame of the timeline: lanes rasterized into the canvas pixels, then
 * the axis and overlays drawn over them; under the lanes of a run with an
 * asyncio loop, its lag chart. Also the overview strip, the whole run at a
 * few pixels a lane, drawn only when the model changed.
 */
import type { TimelineModel } from "../../engine/timeline/model";
import { drawAxis } from "./draw-axis";
import { drawLagLabels, rasterizeLag } from "./draw-lag";
import { drawOverlays } from "./draw-overlays";
import { extrasOf, geometry, laneTop } from "./geometry";
import { PIXELS } from "./palette";
import { rasterizeGaps, rasterizeLane, rasterizeMarks } from "./rasterize";
import type { Surface } from "./surface";
import { fitView, type TimeView } from "./view";

/** A mark's tick starts in the gap above its lane and reaches a little into it. */
const MARK_ABOVE = 3;
const MARK_INTO = 5;
/** Lost events are underlined: a band this high at the lane's bottom. */
const GAP_BAND = 3;

export interface FrameSize {
  /** CSS pixels. */
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
}

export function drawFrame(surface: Surface, model: TimelineModel, view: TimeView, { width, height, dpr }: FrameSize): void {
  const geo = geometry(width, height, model.lanes.length, extrasOf(model));
  surface.resize(width, height, dpr);
  surface.data.fill(PIXELS.background);
  model.lanes.forEach((lane, i) => {
    const top = laneTop(geo, i);
    rasterizeLane(surface, surface.box(geo.plotLeft, top, geo.plotWidth, geo.laneHeight), lane, model.end, view, PIXELS);
    rasterizeMarks(surface, surface.box(geo.plotLeft, top - MARK_ABOVE, geo.plotWidth, MARK_ABOVE + MARK_INTO), lane, view, PIXELS.mark);
    rasterizeGaps(surface, surface.box(geo.plotLeft, top + geo.laneHeight - GAP_BAND, geo.plotWidth, GAP_BAND), lane, view, PIXELS.gap);
  });
  const loop = model.loop;
  if (loop !== null) rasterizeLag(surface, surface.box(geo.plotLeft, geo.lagTop, geo.plotWidth, geo.lagHeight), loop.lag, view, PIXELS.lag, PIXELS.empty);
  surface.present();
  drawAxis(surface.ctx, geo, view);
  drawOverlays(surface.ctx, geo, model, view);
  if (loop !== null) drawLagLabels(surface.ctx, geo, loop.lag);
}

/** The whole run, lanes stacked with a one-pixel gap, aligned with the plot above it. */
export function drawOverview(surface: Surface, model: TimelineModel, { width, height, dpr }: FrameSize): void {
  surface.resize(width, height, dpr);
  surface.data.fill(PIXELS.background);
  const geo = geometry(width, height, model.lanes.length, { gutter: extrasOf(model).gutter, lag: 0 });
  const row = height / Math.max(1, model.lanes.length);
  const view = fitView(model.end);
  model.lanes.forEach((lane, i) => {
    rasterizeLane(surface, surface.box(geo.plotLeft, i * row, geo.plotWidth, row - 1), lane, model.end, view, PIXELS);
  });
  surface.present();
}
