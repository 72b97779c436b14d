/**
 * Where things are on the timeline canvas, in CSS pixels: the axis band on
 * top, the name gutter, one row per lane and, for a run with an asyncio
 * loop, the lag chart's band under the lanes and a gutter wide enough for
 * task names.
 */
import type { TimelineModel } from "../../engine/timeline/model";

export const GUTTER = 36;
export const AXIS = 22;
export const LANE_HEIGHT = 28;
export const LANE_GAP = 6;
const BOTTOM = 4;
/** Room for a task's name, indented under its loop's worker. */
const TASK_GUTTER = 120;
/** The lag chart: a gap, then the chart. */
const LAG_GAP = 12;
const LAG_HEIGHT = 48;

/** What a run's canvas has besides its lanes. */
export interface Extras {
  readonly gutter: number;
  /** The lag band's height, its gap included; 0 without one. */
  readonly lag: number;
}

const PLAIN: Extras = { gutter: GUTTER, lag: 0 };
/** A run with an asyncio loop (exported for specs that aim at its canvas). */
export const WITH_LOOP: Extras = { gutter: TASK_GUTTER, lag: LAG_GAP + LAG_HEIGHT };

export function extrasOf(model: TimelineModel): Extras {
  return model.loop === null ? PLAIN : WITH_LOOP;
}

export interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotWidth: number;
  readonly lanes: number;
  /** Row height of a lane, gap excluded. */
  readonly laneHeight: number;
  /** The lag chart's top and height; a height of 0 when there is none. */
  readonly lagTop: number;
  readonly lagHeight: number;
}

/** The canvas height that gives every lane its default row. */
export function preferredHeight(lanes: number, extras = PLAIN): number {
  return AXIS + lanes * (LANE_HEIGHT + LANE_GAP) + extras.lag + BOTTOM;
}

export function geometry(width: number, height: number, lanes: number, extras = PLAIN): Geometry {
  const row = lanes === 0 ? 0 : (height - AXIS - BOTTOM - extras.lag) / lanes;
  const lagHeight = extras.lag === 0 ? 0 : extras.lag - LAG_GAP;
  return {
    width,
    height,
    plotLeft: extras.gutter,
    plotWidth: Math.max(1, width - extras.gutter - 8),
    lanes,
    laneHeight: Math.max(2, row - LANE_GAP),
    lagTop: height - BOTTOM - lagHeight,
    lagHeight,
  };
}

/** The geometry `model` is drawn with at `width`. */
export function modelGeometry(model: TimelineModel, width: number): Geometry {
  const extras = extrasOf(model);
  return geometry(width, preferredHeight(model.lanes.length, extras), model.lanes.length, extras);
}

export function laneTop(geo: Geometry, lane: number): number {
  return AXIS + LANE_GAP / 2 + lane * (geo.laneHeight + LANE_GAP);
}

/** The lane under `y`, or -1 in the axis band, the gaps and the lag chart. */
export function laneAt(geo: Geometry, y: number): number {
  const lane = Math.floor((y - AXIS - LANE_GAP / 2) / (geo.laneHeight + LANE_GAP));
  if (lane < 0 || lane >= geo.lanes) return -1;
  return y - laneTop(geo, lane) <= geo.laneHeight ? lane : -1;
}

/** Whether `y` is over the lag chart. */
export function overLag(geo: Geometry, y: number): boolean {
  return geo.lagHeight > 0 && y >= geo.lagTop && y <= geo.lagTop + geo.lagHeight;
}

/** The overview strip under the plot: a few pixels a lane, within bounds. */
export function overviewHeight(lanes: number): number {
  return Math.min(48, Math.max(18, lanes * 6));
}
