/**
 * The timeline's colors: one per lane state (and its name in words),
 * shared by the canvas, the overview and the legend, plus the pixel values the rasterizer writes
 * straight into ImageData.
 */
import { LANE_STATE_NAMES, type LaneStateName } from "../../engine/timeline/lane-state";
import { uiMessage } from "../messages/messages";

export const STATE_COLORS: Readonly<Record<LaneStateName, string>> = {
  running: "#4e79a7",
  gil: "#59a14f",
  runnable: "#c5cedb",
  waiting: "#f28e2b",
  io: "#b07aa1",
  done: "#e6e9ee",
  ready: "#a0cbe8",
  sleeping: "#76b7b2",
  "awaiting-tasks": "#edc948",
  job: "#9c755f",
  cancelled: "#bab0ac",
  failed: "#e15759",
  idle: "#f3efe0",
};

/** A state in words, for the legend and the tooltip: "holding the GIL". */
export function stateLabel(state: LaneStateName): string {
  return uiMessage(`timeline.state.${state}`);
}

/** The lag chart's bars. */
export const LAG = "#b42318";

export const INK = "#1d2433";
export const MUTED = "#5b6475";
export const GRID = "rgba(29, 36, 51, 0.12)";
export const ALERT = "#b42318";
/** Behind the lanes, and in a lane before its worker's first event. */
export const BACKGROUND = "#ffffff";
export const LANE_EMPTY = "#f4f5f8";

/** Pixel values in ImageData's byte order (RGBA in memory), whatever the platform's endianness. */
export function pixel(hex: string): number {
  const bytes = new Uint8Array(4);
  bytes.set([0, 2, 4].map((at) => parseInt(hex.slice(1 + at, 3 + at), 16)));
  bytes[3] = 255;
  return new Uint32Array(bytes.buffer)[0]!;
}

export interface PixelPalette {
  /** Indexed by LaneState. */
  readonly states: Uint32Array;
  readonly empty: number;
  readonly background: number;
  readonly mark: number;
  /** Where a lane's events were lost. */
  readonly gap: number;
  readonly lag: number;
}

export const PIXELS: PixelPalette = {
  states: Uint32Array.from(LANE_STATE_NAMES, (name) => pixel(STATE_COLORS[name])),
  empty: pixel(LANE_EMPTY),
  background: pixel(BACKGROUND),
  mark: pixel(INK),
  gap: pixel(ALERT),
  lag: pixel(LAG),
};
