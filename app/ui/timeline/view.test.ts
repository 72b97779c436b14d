import { describe, expect, it } from "vitest";
import { centerView, clampView, fitView, followView, LIVE_WINDOW_MS, MIN_SPAN_MS, panView, zoomView } from "./view";

describe("the timeline's time window", () => {
  it("fits the whole run, and follows the end of a live run with a bounded window", () => {
    expect(fitView(120)).toEqual({ start: 0, span: 120 });
    expect(followView(120)).toEqual({ start: 0, span: 120 });
    expect(followView(25_000)).toEqual({ start: 25_000 - LIVE_WINDOW_MS, span: LIVE_WINDOW_MS });
    expect(fitView(0).span).toBe(MIN_SPAN_MS);
  });

  it("zooms around the anchor: the time under the pointer stays under it", () => {
    const zoomed = zoomView({ start: 0, span: 100 }, 4, 0.6, 100);
    expect(zoomed.span).toBe(25);
    expect(zoomed.start + 0.6 * zoomed.span).toBeCloseTo(60);
  });

  it("never zooms past the clock's resolution nor out beyond the run", () => {
    expect(zoomView({ start: 50, span: 1 }, 1e6, 0.5, 100).span).toBe(MIN_SPAN_MS);
    expect(zoomView({ start: 50, span: 10 }, 1e-6, 0.5, 100)).toEqual({ start: 0, span: 100 });
  });

  it("scrolls within the run's ends", () => {
    expect(panView({ start: 10, span: 20 }, -50, 100)).toEqual({ start: 0, span: 20 });
    expect(panView({ start: 10, span: 20 }, 500, 100)).toEqual({ start: 80, span: 20 });
    expect(centerView({ start: 0, span: 20 }, 50, 100)).toEqual({ start: 40, span: 20 });
    expect(clampView({ start: 90, span: 20 }, 50)).toEqual({ start: 30, span: 20 });
  });
});
