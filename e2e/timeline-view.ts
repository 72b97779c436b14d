/** Helpers for the timeline specs: where things are on its canvas, and which time window it shows. */
import { expect, type Locator, type Page } from "@playwright/test";
import { geometry, laneTop } from "../app/ui/timeline/geometry";

/** The window the timeline shows, in ms, as its overview tells assistive technology (`aria-valuetext`). */
export interface ShownWindow {
  readonly start: number;
  readonly end: number;
  /** The whole run. */
  readonly of: number;
}

const UNITS: Record<string, number> = { "µs": 0.001, ms: 1, s: 1000 };

function milliseconds(text: string): number {
  const [number, unit] = text.split(" ");
  const scale = UNITS[unit ?? ""];
  if (scale === undefined) throw new Error(`not a time: "${text}"`);
  return Number(number) * scale;
}

export async function shownWindow(page: Page): Promise<ShownWindow> {
  const text = (await page.getByTestId("timeline-overview").getAttribute("aria-valuetext")) ?? "";
  const parts = /^(.+) to (.+) of (.+)$/.exec(text);
  if (!parts) throw new Error(`the overview names no window: "${text}"`);
  const [start, end, of] = parts.slice(1).map(milliseconds) as [number, number, number];
  return { start, end, of };
}

/** The window as fractions of the run, for comparing with what a zoom or a drag should have made of it. */
export async function shownFractions(page: Page): Promise<{ start: number; span: number }> {
  const { start, end, of } = await shownWindow(page);
  return { start: start / of, span: (end - start) / of };
}

/** Waits until the run's timeline is drawn whole, and scrolls it into view. */
export async function settledTimeline(page: Page): Promise<Locator> {
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toHaveAttribute("data-live", "false");
  const canvas = page.getByTestId("timeline-canvas");
  await canvas.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await shownWindow(page)).start).toBe(0);
  return canvas;
}

/** A point over the canvas (CSS px from its top left): `fraction` across the plot, in the middle of lane `lane` of `lanes`. */
export async function plotPoint(canvas: Locator, fraction: number, lane: number, lanes = 2): Promise<{ x: number; y: number }> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error("the timeline canvas is not shown");
  const geo = geometry(box.width, box.height, lanes);
  return { x: geo.plotLeft + fraction * geo.plotWidth, y: laneTop(geo, lane) + geo.laneHeight / 2 };
}
