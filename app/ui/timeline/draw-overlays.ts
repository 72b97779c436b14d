/**
 * What is drawn over the rasterized lanes: worker names in the gutter, and
 * task names indented under their loop's worker; inside segments wide
 * enough, the object a worker waits on or what a task awaits; and notes (a
 * deadlocked lane is outlined and says why).
 */
import type { TimelineModel } from "../../engine/timeline/model";
import { describeNote } from "../../engine/timeline/note";
import { segmentAt } from "../../engine/timeline/query";
import { laneTop, type Geometry } from "./geometry";
import { ALERT, BACKGROUND, INK } from "./palette";
import { segmentObject } from "./segment-words";
import type { TimeView } from "./view";

const NAME_FONT = "600 12px system-ui, sans-serif";
const LABEL_FONT = "11px system-ui, sans-serif";
const NOTE_FONT = "600 11px system-ui, sans-serif";
/** Narrower waiting segments are not even measured: no name fits. */
const MIN_LABEL_PX = 24;
/** A task's name starts this far right of its worker's. */
const TASK_INDENT = 12;

export function drawOverlays(ctx: CanvasRenderingContext2D, geo: Geometry, model: TimelineModel, view: TimeView): void {
  drawLaneNames(ctx, geo, model);
  drawObjectNames(ctx, geo, model, view);
  drawNotes(ctx, geo, model);
}

function drawLaneNames(ctx: CanvasRenderingContext2D, geo: Geometry, model: TimelineModel): void {
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  model.lanes.forEach((lane, i) => {
    const left = lane.task >= 0 ? 8 + TASK_INDENT : 8;
    ctx.font = lane.task >= 0 ? LABEL_FONT : NAME_FONT;
    ctx.fillStyle = lane.note ? ALERT : INK;
    const name = fitted(ctx, lane.note ? `${lane.name} ⚠` : lane.name, geo.plotLeft - left - 4);
    ctx.fillText(name, left, laneTop(geo, i) + geo.laneHeight / 2);
  });
}

/** `text`, cut to `width` with an ellipsis when it is wider (a binary search: this runs for every lane in every frame). */
function fitted(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let fits = 1;
  let tooLong = text.length;
  while (tooLong - fits > 1) {
    const keep = (fits + tooLong) >> 1;
    if (ctx.measureText(`${text.slice(0, keep)}…`).width <= width) fits = keep;
    else tooLong = keep;
  }
  return `${text.slice(0, fits)}…`;
}

function drawObjectNames(ctx: CanvasRenderingContext2D, geo: Geometry, model: TimelineModel, view: TimeView): void {
  const scale = geo.plotWidth / view.span;
  const viewEnd = view.start + view.span;
  const minMs = MIN_LABEL_PX / scale;
  const widths = new Map<string, number>();
  ctx.font = LABEL_FONT;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillStyle = INK;
  model.lanes.forEach((lane, l) => {
    const { starts, count } = lane;
    const y = laneTop(geo, l) + geo.laneHeight / 2;
    for (let i = Math.max(0, segmentAt(lane, view.start)); i < count && starts[i]! < viewEnd; i++) {
      const from = Math.max(starts[i]!, view.start);
      const to = Math.min(i + 1 < count ? starts[i + 1]! : model.end, viewEnd);
      if (to - from < minMs) continue;
      const name = segmentObject(model, lane, i);
      if (name === null) continue;
      let width = widths.get(name);
      if (width === undefined) widths.set(name, (width = ctx.measureText(name).width));
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
