/**
 * A canvas drawn at device resolution, with the ImageData its lanes are
 * rasterized into kept between frames (allocating 1-2 MB a frame would
 * feed the garbage collector for nothing).
 */
import type { Box, Pixels } from "./rasterize";
import { uiMessage } from "../messages/messages";

export class Surface implements Pixels {
  readonly ctx: CanvasRenderingContext2D;
  private image: ImageData;
  data: Uint32Array;
  stride = 0;
  dpr = 1;

  constructor(readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext("2d", { alpha: false });
    if (ctx === null) throw new Error(uiMessage("timeline.noCanvas"));
    this.ctx = ctx;
    this.image = ctx.createImageData(1, 1);
    this.data = new Uint32Array(this.image.data.buffer);
  }

  /** Sizes the canvas to `width` x `height` CSS pixels at the device's pixel ratio. */
  resize(width: number, height: number, dpr: number): void {
    const w = Math.max(1, Math.round(width * dpr));
    const h = Math.max(1, Math.round(height * dpr));
    this.dpr = dpr;
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    }
    if (this.image.width !== w || this.image.height !== h) {
      this.image = this.ctx.createImageData(w, h);
      this.data = new Uint32Array(this.image.data.buffer);
    }
    this.stride = w;
  }

  /** Puts the rasterized pixels on the canvas, then sets CSS-pixel coordinates for what is drawn over them. */
  present(): void {
    this.ctx.putImageData(this.image, 0, 0);
    this.ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
  }

  /** A CSS-pixel rectangle in whole device pixels. */
  box(x: number, y: number, w: number, h: number): Box {
    const x0 = Math.round(x * this.dpr);
    const y0 = Math.round(y * this.dpr);
    return { x: x0, y: y0, w: Math.round((x + w) * this.dpr) - x0, h: Math.round((y + h) * this.dpr) - y0 };
  }
}
