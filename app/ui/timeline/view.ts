/**
 * The visible time window, and how zooming and scrolling move it: pure, so
 * the rules (never past the run's ends, never narrower than the clock's
 * resolution) are tested without a canvas.
 */

export interface TimeView {
  /** ms since the run's origin at the plot's left edge. */
  readonly start: number;
  /** ms across the plot. */
  readonly span: number;
}

/** A few ticks of a cross-origin-isolated clock (5 µs): nothing finer is real. */
export const MIN_SPAN_MS = 0.02;
/** While a run goes on the view follows its end, showing at most this much. */
export const LIVE_WINDOW_MS = 10_000;

const extent = (end: number): number => Math.max(end, MIN_SPAN_MS);

export function fitView(end: number): TimeView {
  return { start: 0, span: extent(end) };
}

export function followView(end: number): TimeView {
  const span = Math.min(extent(end), LIVE_WINDOW_MS);
  return { start: extent(end) - span, span };
}

export function clampView({ start, span }: TimeView, end: number): TimeView {
  const clampedSpan = Math.min(Math.max(span, MIN_SPAN_MS), extent(end));
  return { start: Math.min(Math.max(start, 0), extent(end) - clampedSpan), span: clampedSpan };
}

/** Zooms by `factor` (> 1 zooms in) keeping the time under `anchor` (0 = left edge, 1 = right edge) in place. */
export function zoomView(view: TimeView, factor: number, anchor: number, end: number): TimeView {
  const pinned = view.start + anchor * view.span;
  const span = Math.min(Math.max(view.span / factor, MIN_SPAN_MS), extent(end));
  return clampView({ start: pinned - anchor * span, span }, end);
}

export function panView(view: TimeView, deltaMs: number, end: number): TimeView {
  return clampView({ start: view.start + deltaMs, span: view.span }, end);
}

/** Centers the view on `time`, keeping its span. */
export function centerView(view: TimeView, time: number, end: number): TimeView {
  return clampView({ start: time - view.span / 2, span: view.span }, end);
}
