/**
 * What is drawn over the rasterized lanes: worker names in the gutter,
 * object names inside waiting segments wide enough to hold them, and notes
 * (a deadlocked lane is outlined and says why).
 */
import { LaneState } from "../../engine/timeline/lane-state";
import type { TimelineModel } from "../../engine/timeline/model";
import { describeNote } from "../../engine/timeline/note";
import { objectName } from "../../engine/timeline/object-names";
import { segmentAt } from "../../engine/timeline/query";
import { laneTop, type Geometry } from "./geometry";
import { ALERT, BACKGROUND, INK } from "./palette";
import type { TimeView } from "./view";

const NAME_FONT = "600 12px system-ui, sans-serif";
const LABEL_FONT = "11px system-ui, sans-serif";
const NOTE_FONT = "600 11px system-ui, sans-serif";
/** Narrower waiting segments are not even measured: no name fits. */
const MIN_LABEL_PX = 24;

export function drawOverlays(ctx: CanvasRenderingContext2D, geo: Geometry, model: TimelineModel, view: TimeView): void {
  drawLaneNames(ctx, geo, model);
  drawObjectNames(ctx, geo, model, view);
  drawNotes(ctx, geo, model);
}

function drawLaneNames(ctx: CanvasRenderingContext2D, geo: Geometry, model: TimelineModel): void {
  ctx.font = NAME_FONT;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  model.lanes.forEach((lane, i) => {
    ctx.fillStyle = lane.note ? ALERT : INK;
    ctx.fillText(lane.note ? `${lane.name} ⚠` : lane.name, 8, laneTop(geo, i) + geo.laneHeight / 2);
  });
}

function drawObjectNames(ctx: CanvasRenderingContext2D, geo: Geometry, model: TimelineModel, view: TimeView): void {
  const scale = geo.plotWidth / view.span;
  const viewEnd = view.start + view.span;
  const minMs = MIN_LABEL_PX / scale;
  const widths = new Map<number, number>();
  ctx.font = LABEL_FONT;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillStyle = INK;
  model.lanes.forEach((lane, l) => {
    const { starts, states, objects, count } = lane;
    const y = laneTop(geo, l) + geo.laneHeight / 2;
    for (let i = Math.max(0, segmentAt(lane, view.start)); i < count && starts[i]! < viewEnd; i++) {
      if (states[i] !== LaneState.Waiting) continue;
      const from = Math.max(starts[i]!, view.start);
      const to = Math.min(i + 1 < count ? starts[i + 1]! : model.end, viewEnd);
      if (to - from < minMs) continue;
      const name = objectName(model.names, objects[i]!);
      let width = widths.get(objects[i]!);
      if (width === undefined) widths.set(objects[i]!, (width = ctx.measureText(name).width));
      if (width + 8 <= (to - from) * scale) ctx.fillText(name, geo.plotLeft + ((from + to) / 2 - view.start) * scale, y);
    }
  });
}

function drawNotes(ctx: CanvasRenderingContext2D, geo: Geometry, model: TimelineModel): void {
  ctx.font = NOTE_FONT;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  model.lanes.forEach((lane, l) => {
    if (lane.note === null) return;
    const top = laneTop(geo, l);
    ctx.strokeStyle = ALERT;
    ctx.lineWidth = 2;
    ctx.strokeRect(geo.plotLeft - 1, top - 1, geo.plotWidth + 2, geo.laneHeight + 2);
    const text = describeNote(lane.note);
    const right = geo.plotLeft + geo.plotWidth - 6;
    const width = ctx.measureText(text).width;
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(right - width - 6, top + 4, width + 12, geo.laneHeight - 8);
    ctx.fillStyle = ALERT;
    ctx.fillText(text, right, top + geo.laneHeight / 2);
  });
}
