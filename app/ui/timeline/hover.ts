/**
 * What the tooltip says about the point under the pointer: lane, state,
 * object or what a task awaits, start and duration, lost events; over the
 * lag chart, how late the loop was there.
 */
import type { Lane, TimelineModel } from "../../engine/timeline/model";
import { describeNote } from "../../engine/timeline/note";
import { segmentAt, segmentEnd } from "../../engine/timeline/query";
import { lagColumns } from "./draw-lag";
import { laneAt, overLag, type Geometry } from "./geometry";
import { segmentWords } from "./segment-words";
import { formatDuration } from "../durations";
import type { TimeView } from "./view";
import { uiMessage } from "../messages/messages";

export interface HoverTip {
  /** Pointer position in CSS pixels over the plot. */
  readonly x: number;
  readonly y: number;
  readonly lines: readonly string[];
}

export function hoverTip(model: TimelineModel, view: TimeView, geo: Geometry, x: number, y: number): HoverTip | null {
  if (x < geo.plotLeft || x > geo.plotLeft + geo.plotWidth) return null;
  const msPerPx = view.span / geo.plotWidth;
  const time = view.start + (x - geo.plotLeft) * msPerPx;
  if (model.loop !== null && overLag(geo, y)) {
    const late = lagColumns(model.loop.lag, { start: time - msPerPx / 2, span: msPerPx }, 1)[0]!;
    return { x, y, lines: [uiMessage("timeline.tip.lag", { lag: formatDuration(late) }), uiMessage("timeline.tip.lagWhat")] };
  }
  const l = laneAt(geo, y);
  if (l < 0) return null;
  const lane = model.lanes[l]!;
  const i = segmentAt(lane, time);
  if (i < 0) return { x, y, lines: [uiMessage("timeline.tip.notStarted", { lane: lane.name })] };
  const start = lane.starts[i]!;
  const lines = [
    uiMessage("timeline.tip.segment", { lane: lane.name, words: segmentWords(model, lane, i) }),
    uiMessage("timeline.tip.when", { start: formatDuration(start), length: formatDuration(segmentEnd(model, lane, i) - start) }),
  ];
  const underPointer = segmentAt(lane, time + msPerPx / 2) - Math.max(0, segmentAt(lane, time - msPerPx / 2)) + 1;
  if (underPointer > 1) lines.push(uiMessage("timeline.tip.crowded", { changes: underPointer }));
  if (inGap(lane, time, msPerPx)) lines.push(uiMessage("timeline.tip.lost"));
  if (lane.note) lines.push(describeNote(lane.note));
  return { x, y, lines };
}

/** Whether a span of lost events is within a pixel of `time`. */
function inGap(lane: Lane, time: number, msPerPx: number): boolean {
  for (let g = 0; g < lane.gapCount; g++) if (lane.gapStarts[g]! - msPerPx <= time && time <= lane.gapEnds[g]! + msPerPx) return true;
  return false;
}
