/** Where things are on the timeline canvas, in CSS pixels: the axis band on top, the name gutter, one row per lane. */

export const GUTTER = 36;
export const AXIS = 22;
export const LANE_HEIGHT = 28;
export const LANE_GAP = 6;
const BOTTOM = 4;

export interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotWidth: number;
  readonly lanes: number;
  /** Row height of a lane, gap excluded. */
  readonly laneHeight: number;
}

/** The canvas height that gives every lane its default row. */
export function preferredHeight(lanes: number): number {
  return AXIS + lanes * (LANE_HEIGHT + LANE_GAP) + BOTTOM;
}

export function geometry(width: number, height: number, lanes: number): Geometry {
  const row = lanes === 0 ? 0 : (height - AXIS - BOTTOM) / lanes;
  return { width, height, plotLeft: GUTTER, plotWidth: Math.max(1, width - GUTTER - 8), lanes, laneHeight: Math.max(2, row - LANE_GAP) };
}

export function laneTop(geo: Geometry, lane: number): number {
  return AXIS + LANE_GAP / 2 + lane * (geo.laneHeight + LANE_GAP);
}

/** The lane under `y`, or -1 in the axis band and the gaps. */
export function laneAt(geo: Geometry, y: number): number {
  const lane = Math.floor((y - AXIS - LANE_GAP / 2) / (geo.laneHeight + LANE_GAP));
  if (lane < 0 || lane >= geo.lanes) return -1;
  return y - laneTop(geo, lane) <= geo.laneHeight ? lane : -1;
}

/** The overview strip under the plot: a few pixels a lane, within bounds. */
export function overviewHeight(lanes: number): number {
  return Math.min(48, Math.max(18, lanes * 6));
}
