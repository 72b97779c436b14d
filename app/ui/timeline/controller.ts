/**
 * The timeline's behaviour, kept outside React: which time window it shows,
 * the input that moves it (ctrl+wheel zooms at the pointer, drag, sideways
 * wheel, the overview strip and its keys, buttons), and drawing on the next
 * animation frame, only when the model's version, the window, the canvas
 * size or the language (of its labels) changed since the last frame.
 *
 * While the run goes on, the window follows its end and input is ignored;
 * after it, the window starts fitted to the whole run.
 */
import type { TimelineModel } from "../../engine/timeline/model";
import { drawFrame, drawOverview } from "./draw-frame";
import { geometry, modelGeometry, overviewHeight, preferredHeight, type Geometry } from "./geometry";
import { hoverTip, type HoverTip } from "./hover";
import { Surface } from "./surface";
import { centerView, clampView, fitView, followView, MIN_SPAN_MS, panView, zoomView, type TimeView } from "./view";
import { formatDuration } from "../durations";
import { uiMessage } from "../messages/messages";
import { language } from "../../runtime/i18n/i18n";

export interface TimelineParts {
  /** The main canvas's container: its width is the timeline's. */
  readonly plot: HTMLElement;
  readonly main: HTMLCanvasElement;
  readonly overview: HTMLCanvasElement;
  /** The overview's container, a scrollbar for assistive technology. */
  readonly scrollbar: HTMLElement;
  /** The box over the overview showing the visible window. */
  readonly thumb: HTMLElement;
}

/** One button press or key press zooms by this factor. */
export const ZOOM_STEP = 2;
/** Ctrl+wheel: zoom factor per pixel of wheel travel (e^(-deltaY * this)). */
const WHEEL_ZOOM = 0.002;
/** While live, the overview redraws at most this often. */
const LIVE_OVERVIEW_MS = 250;

export class TimelineController {
  private model: TimelineModel | null = null;
  private live = false;
  /** The window the student chose; null follows the run while live, and fits it after. */
  private chosen: TimeView | null = null;
  private width = 0;
  private frame = 0;
  private drawnMain = "";
  private drawnOverview = "";
  private overviewAt = 0;
  private drag: { readonly x: number; readonly view: TimeView; readonly overview: boolean } | null = null;
  private pointer: { readonly x: number; readonly y: number } | null = null;
  private readonly main: Surface;
  private readonly overview: Surface;
  private readonly resizes: ResizeObserver;
  private readonly listeners: [EventTarget, string, (event: never) => void][];

  constructor(
    private readonly parts: TimelineParts,
    private readonly onHover: (tip: HoverTip | null) => void,
  ) {
    this.main = new Surface(parts.main);
    this.overview = new Surface(parts.overview);
    this.resizes = new ResizeObserver(([entry]) => {
      this.width = Math.floor(entry?.contentRect.width ?? 0);
      this.request();
    });
    this.resizes.observe(parts.plot);
    this.listeners = [
      [parts.main, "wheel", this.onWheel],
      [parts.main, "pointerdown", (e: PointerEvent) => this.startDrag(e, false)],
      [parts.main, "pointermove", this.onPointerMove],
      [parts.main, "pointerleave", this.onPointerLeave],
      [parts.overview, "pointerdown", (e: PointerEvent) => this.startDrag(e, true)],
      [parts.overview, "pointermove", this.onPointerMove],
      [window, "pointerup", this.endDrag],
      [window, "pointercancel", this.endDrag],
      [parts.scrollbar, "keydown", this.onKey],
    ];
    for (const [target, type, listener] of this.listeners) target.addEventListener(type, listener as EventListener, { passive: false });
  }

  /** Shows `model` (call again when its version changes); a new model or the end of the run refits the window. */
  show(model: TimelineModel, live: boolean): void {
    if (model !== this.model || (this.live && !live)) {
      this.chosen = null;
      this.drawnMain = this.drawnOverview = "";
    }
    this.model = model;
    this.live = live;
    this.request();
  }

  /** Zooms in (factor > 1) or out around `anchor`, a fraction of the plot's width. */
  zoomBy(factor: number, anchor = 0.5): void {
    this.move((view, end) => zoomView(view, factor, anchor, end));
  }

  reset(): void {
    if (this.live) return;
    this.chosen = null;
    this.request();
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.resizes.disconnect();
    for (const [target, type, listener] of this.listeners) target.removeEventListener(type, listener as EventListener);
  }

  private view(): TimeView {
    const end = this.model?.end ?? 0;
    if (this.live) return followView(end);
    return this.chosen === null ? fitView(end) : clampView(this.chosen, end);
  }

  private move(change: (view: TimeView, end: number) => TimeView): void {
    if (this.live || this.model === null) return;
    this.chosen = change(this.view(), this.model.end);
    this.request();
  }

  private request(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(this.draw);
  }

  private readonly draw = (): void => {
    this.frame = 0;
    const model = this.model;
    if (model === null || this.width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    const view = this.view();
    const mainKey = `${model.version} ${view.start} ${view.span} ${this.width} ${dpr} ${language()}`;
    if (mainKey !== this.drawnMain) {
      drawFrame(this.main, model, view, { width: this.width, height: this.geometry().height, dpr });
      this.drawnMain = mainKey;
    }
    const overviewKey = `${model.version} ${this.width} ${dpr}`;
    // The overview redraws every segment: while live, a few times a second is enough.
    const overviewDue = !this.live || performance.now() - this.overviewAt >= LIVE_OVERVIEW_MS;
    if (overviewKey !== this.drawnOverview && overviewDue) {
      drawOverview(this.overview, model, { width: this.width, height: overviewHeight(model.lanes.length), dpr });
      this.drawnOverview = overviewKey;
      this.overviewAt = performance.now();
    }
    this.placeThumb(view, model.end);
    if (this.pointer !== null && this.drag === null) this.onHover(hoverTip(model, view, this.geometry(), this.pointer.x, this.pointer.y));
  };

  private geometry(): Geometry {
    return this.model === null ? geometry(this.width, preferredHeight(0), 0) : modelGeometry(this.model, this.width);
  }

  private placeThumb(view: TimeView, end: number): void {
    const { plotLeft, plotWidth } = this.geometry();
    const extent = Math.max(end, MIN_SPAN_MS);
    const { thumb, scrollbar } = this.parts;
    thumb.style.left = `${plotLeft + (view.start / extent) * plotWidth}px`;
    thumb.style.width = `${Math.max(6, (view.span / extent) * plotWidth)}px`;
    const room = extent - view.span;
    scrollbar.setAttribute("aria-valuenow", String(room > 0 ? Math.round((view.start / room) * 100) : 0));
    scrollbar.setAttribute("aria-valuetext", uiMessage("timeline.visible", { from: formatDuration(view.start), to: formatDuration(view.start + view.span), extent: formatDuration(extent) }));
  }

  /** Where `x` (CSS px from the canvas's left) falls across the plot, 0 to 1. */
  private anchorAt(x: number): number {
    const { plotLeft, plotWidth } = this.geometry();
    return Math.min(1, Math.max(0, (x - plotLeft) / plotWidth));
  }

  private readonly onWheel = (event: WheelEvent): void => {
    if (this.live || this.model === null) return;
    const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? this.width : 1;
    if (event.ctrlKey || event.metaKey) {
      // Also keeps the browser from zooming the whole page.
      event.preventDefault();
      this.zoomBy(Math.exp(-event.deltaY * unit * WHEEL_ZOOM), this.anchorAt(event.offsetX));
      return;
    }
    const sideways = event.shiftKey ? event.deltaY : Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : 0;
    // A vertical wheel scrolls the page, as it would anywhere else.
    if (sideways === 0) return;
    event.preventDefault();
    this.move((view, end) => panView(view, (sideways * unit * view.span) / this.geometry().plotWidth, end));
  };

  private startDrag(event: PointerEvent, overview: boolean): void {
    if (this.live || event.button !== 0) return;
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    this.drag = { x: event.offsetX, view: this.view(), overview };
    this.parts.main.classList.add("dragging");
    this.onHover(null);
    if (overview) this.centerOnOverview(event.offsetX);
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    const drag = this.drag;
    if (drag === null) {
      if (event.currentTarget !== this.parts.main || this.model === null) return;
      this.pointer = { x: event.offsetX, y: event.offsetY };
      this.onHover(hoverTip(this.model, this.view(), this.geometry(), event.offsetX, event.offsetY));
    } else if (drag.overview) this.centerOnOverview(event.offsetX);
    else this.move((_, end) => panView(drag.view, ((drag.x - event.offsetX) * drag.view.span) / this.geometry().plotWidth, end));
  };

  private centerOnOverview(x: number): void {
    this.move((view, end) => centerView(view, this.anchorAt(x) * Math.max(end, MIN_SPAN_MS), end));
  }

  private readonly endDrag = (): void => {
    this.drag = null;
    this.parts.main.classList.remove("dragging");
  };

  private readonly onPointerLeave = (): void => {
    this.pointer = null;
    this.onHover(null);
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    const pan = (fraction: number) => this.move((view, end) => panView(view, fraction * view.span, end));
    const actions: Record<string, () => void> = {
      ArrowLeft: () => pan(-0.1),
      ArrowRight: () => pan(0.1),
      PageUp: () => pan(-0.9),
      PageDown: () => pan(0.9),
      Home: () => this.move((view, end) => panView(view, -end, end)),
      End: () => this.move((view, end) => panView(view, end, end)),
      "+": () => this.zoomBy(ZOOM_STEP),
      "=": () => this.zoomBy(ZOOM_STEP),
      "-": () => this.zoomBy(1 / ZOOM_STEP),
      "0": () => this.reset(),
    };
    const action = actions[event.key];
    if (action === undefined || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  };
}
