/**
 * The timeline's colors: one per lane state, shared by the canvas, the
 * overview and the legend, plus the pixel values the rasterizer writes
 * straight into ImageData.
 */
import { LANE_STATE_NAMES, type LaneStateName } from "../../engine/timeline/lane-state";

export const STATE_STYLES: Readonly<Record<LaneStateName, { readonly color: string; readonly label: string }>> = {
  running: { color: "#4e79a7", label: "running" },
  gil: { color: "#59a14f", label: "holding the GIL" },
  runnable: { color: "#c5cedb", label: "wants the GIL" },
  waiting: { color: "#f28e2b", label: "waiting on an object" },
  io: { color: "#b07aa1", label: "in I/O" },
  done: { color: "#e6e9ee", label: "done" },
  ready: { color: "#a0cbe8", label: "ready, waiting for its turn" },
  sleeping: { color: "#76b7b2", label: "awaiting a timer" },
  "awaiting-tasks": { color: "#edc948", label: "awaiting other tasks" },
  job: { color: "#9c755f", label: "awaiting an executor job" },
  cancelled: { color: "#bab0ac", label: "cancelled" },
  failed: { color: "#e15759", label: "failed" },
  idle: { color: "#f3efe0", label: "loop idle: no task step runs" },
};

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
  states: Uint32Array.from(LANE_STATE_NAMES, (name) => pixel(STATE_STYLES[name].color)),
  empty: pixel(LANE_EMPTY),
  background: pixel(BACKGROUND),
  mark: pixel(INK),
  gap: pixel(ALERT),
  lag: pixel(LAG),
};
