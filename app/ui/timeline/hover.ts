/** What the tooltip says about the point under the pointer: lane, state, object, start and duration. */
import { LANE_STATE_NAMES, LaneState } from "../../engine/timeline/lane-state";
import type { TimelineModel } from "../../engine/timeline/model";
import { describeNote } from "../../engine/timeline/note";
import { objectName } from "../../engine/timeline/object-names";
import { segmentAt, segmentEnd } from "../../engine/timeline/query";
import { laneAt, type Geometry } from "./geometry";
import { STATE_STYLES } from "./palette";
import { formatMs } from "./time-format";
import type { TimeView } from "./view";

export interface HoverTip {
  /** Pointer position in CSS pixels over the plot. */
  readonly x: number;
  readonly y: number;
  readonly lines: readonly string[];
}

export function hoverTip(model: TimelineModel, view: TimeView, geo: Geometry, x: number, y: number): HoverTip | null {
  const l = laneAt(geo, y);
  if (l < 0 || x < geo.plotLeft || x > geo.plotLeft + geo.plotWidth) return null;
  const lane = model.lanes[l]!;
  const msPerPx = view.span / geo.plotWidth;
  const time = view.start + (x - geo.plotLeft) * msPerPx;
  const i = segmentAt(lane, time);
  if (i < 0) return { x, y, lines: [`${lane.name}: not started yet`] };
  const state = lane.states[i]!;
  const what = state === LaneState.Waiting ? `waiting on ${objectName(model.names, lane.objects[i]!)}` : STATE_STYLES[LANE_STATE_NAMES[state]!].label;
  const start = lane.starts[i]!;
  const lines = [`${lane.name}: ${what}`, `from ${formatMs(start)}, for ${formatMs(segmentEnd(model, lane, i) - start)}`];
  const underPointer = segmentAt(lane, time + msPerPx / 2) - Math.max(0, segmentAt(lane, time - msPerPx / 2)) + 1;
  if (underPointer > 1) lines.push(`${underPointer.toLocaleString("en")} changes in this pixel: zoom in to see each`);
  if (lane.note) lines.push(describeNote(lane.note));
  return { x, y, lines };
}
