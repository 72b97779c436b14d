/**
 * Draws one lane's segments straight into canvas pixels. Each pixel column
 * gets the share of its width each state covers, stacked bottom-up in
 * proportion: zoomed in, a column is one segment's color; zoomed out over
 * thousands of sub-pixel segments (a GIL changing hands every few ms), the
 * lane becomes an honest bar chart of where the time went, with no moiré,
 * and the cost is one pass over the visible segments plus one write per
 * pixel, whatever the number of events.
 */
import { LANE_STATE_COUNT, LaneState } from "../../engine/timeline/lane-state";
import type { Lane } from "../../engine/timeline/model";
import { markFrom, segmentAt } from "../../engine/timeline/query";
import type { PixelPalette } from "./palette";
import type { TimeView } from "./view";

/** Canvas pixels, one Uint32 per pixel, `stride` pixels a row. */
export interface Pixels {
  readonly data: Uint32Array;
  readonly stride: number;
}

/** A rectangle in device pixels (whole numbers). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Bottom-up order of states in a mixed column: holding the GIL or running at the base, like a stacked bar. */
const STACK = Uint8Array.of(
  LaneState.Gil,
  LaneState.Running,
  LaneState.Io,
  LaneState.Waiting,
  LaneState.Sleeping,
  LaneState.AwaitingTasks,
  LaneState.Job,
  LaneState.Runnable,
  LaneState.Ready,
  LaneState.Idle,
  LaneState.Failed,
  LaneState.Cancelled,
  LaneState.Done,
);

export function rasterizeLane(pixels: Pixels, box: Box, lane: Lane, end: number, view: TimeView, palette: PixelPalette): void {
  fillColumns(pixels, box, 0, box.w - 1, palette.empty);
  // Locals, so the hot loop reads no property the calls inside it might have changed.
  const { starts, states, count } = lane;
  const { start: viewStart, span } = view;
  const width = box.w;
  const scale = width / span;
  const viewEnd = viewStart + span;
  const cover = new Float64Array(LANE_STATE_COUNT);
  let column = -1;
  let pieces = 0;
  for (let i = Math.max(0, segmentAt(lane, viewStart)); i < count && starts[i]! < viewEnd; i++) {
    const from = (starts[i]! - viewStart) * scale;
    const to = ((i + 1 < count ? starts[i + 1]! : end) - viewStart) * scale;
    const a = from > 0 ? from : 0;
    const b = to < width ? to : width;
    if (b <= a) continue;
    const state = states[i]!;
    const first = a | 0;
    if (first !== column) {
      if (column >= 0) flushColumn(pixels, box, column, cover, pieces, palette);
      column = first;
      pieces = 0;
      clear(cover);
    }
    pieces++;
    if (b <= first + 1) {
      cover[state]! += b - a;
      continue;
    }
    const last = Math.ceil(b) - 1;
    cover[state]! += first + 1 - a;
    flushColumn(pixels, box, first, cover, pieces, palette);
    if (last > first + 1) fillColumns(pixels, box, first + 1, last - 1, palette.states[state]!);
    column = last;
    pieces = 1;
    clear(cover);
    cover[state] = b - last;
  }
  if (column >= 0) flushColumn(pixels, box, column, cover, pieces, palette);
}

/** Zeroes the shares (TypedArray.fill costs more than the stores for so few). */
function clear(cover: Float64Array): void {
  for (let s = 0; s < cover.length; s++) cover[s] = 0;
}

/** Solid color over whole columns `from..to` of the box, row by row. */
function fillColumns({ data, stride }: Pixels, box: Box, from: number, to: number, color: number): void {
  // A few pixels wide: plain stores beat a fill() call per row.
  if (to - from < 32) {
    for (let y = box.y; y < box.y + box.h; y++) {
      const row = y * stride + box.x;
      for (let x = from; x <= to; x++) data[row + x] = color;
    }
    return;
  }
  for (let y = box.y; y < box.y + box.h; y++) {
    const row = y * stride + box.x;
    data.fill(color, row + from, row + to + 1);
  }
}

/**
 * One column. Where one boundary between two segments crosses it, the
 * larger share takes the whole column, so edges stay crisp when zoomed in;
 * where more segments share it, their states stack in proportion to their
 * cover. What no segment covers stays empty.
 */
function flushColumn({ data, stride }: Pixels, box: Box, column: number, cover: Float64Array, pieces: number, palette: PixelPalette): void {
  const bottomPixel = (box.y + box.h - 1) * stride + box.x + column;
  if (pieces <= 2) {
    let major = 0;
    let total = cover[0]!;
    for (let s = 1; s < cover.length; s++) {
      total += cover[s]!;
      if (cover[s]! > cover[major]!) major = s;
    }
    if (total < 0.5) return;
    const color = palette.states[major]!;
    for (let row = 0, at = bottomPixel; row < box.h; row++, at -= stride) data[at] = color;
    return;
  }
  let done = 0;
  let share = 0;
  for (let s = 0; s < STACK.length; s++) {
    const state = STACK[s]!;
    if (cover[state] === 0) continue;
    share += cover[state]!;
    const upTo = Math.round(Math.min(share, 1) * box.h);
    const color = palette.states[state]!;
    for (let at = bottomPixel - done * stride; done < upTo; done++, at -= stride) data[at] = color;
  }
}

/** Marks as ticks across the band `box` (the top edge of a lane), at most one per pixel column. */
export function rasterizeMarks({ data, stride }: Pixels, box: Box, lane: Lane, view: TimeView, color: number): void {
  const scale = box.w / view.span;
  const viewEnd = view.start + view.span;
  const { markTimes, markCount } = lane;
  let drawn = -1;
  for (let m = markFrom(lane, view.start); m < markCount && markTimes[m]! <= viewEnd; m++) {
    const x = Math.min(box.w - 1, Math.floor((markTimes[m]! - view.start) * scale));
    if (x === drawn) continue;
    for (let y = box.y; y < box.y + box.h; y++) data[y * stride + box.x + x] = color;
    drawn = x;
  }
}

/** Where the lane's events were lost, as a band across `box` (the lane's bottom edge), at least a pixel wide. */
export function rasterizeGaps({ data, stride }: Pixels, box: Box, lane: Lane, view: TimeView, color: number): void {
  const scale = box.w / view.span;
  for (let g = 0; g < lane.gapCount; g++) {
    const from = Math.max(0, Math.floor((lane.gapStarts[g]! - view.start) * scale));
    const to = Math.min(box.w - 1, Math.floor((lane.gapEnds[g]! - view.start) * scale));
    for (let y = box.y; y < box.y + box.h; y++) for (let x = from; x <= to; x++) data[y * stride + box.x + x] = color;
  }
}
