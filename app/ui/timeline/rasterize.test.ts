import { describe, expect, it } from "vitest";
import { EventKind, type TraceEvent } from "../../runtime/trace";
import { TimelineBuilder } from "../../engine/timeline/builder";
import { rasterizeLane, rasterizeMarks } from "./rasterize";
import type { PixelPalette } from "./palette";

// Colors are just numbers here: 10 + the state, 1 for empty.
const palette: PixelPalette = { states: Uint32Array.from({ length: 13 }, (_, state) => 10 + state), empty: 1, background: 0, mark: 99, gap: 98, lag: 97 };
const [RUNNING, , , WAITING, IO] = [10, 11, 12, 13, 14];

function lane(list: [number, EventKind, number?][]) {
  const builder = new TimelineBuilder({ workers: 1, names: new Map(), origin: 0 });
  builder.add(list.map(([time, kind, object = 0]): TraceEvent => ({ worker: 0, time, kind, object, value: 7 })));
  return builder.model;
}

function raster(model: ReturnType<typeof lane>, view: { start: number; span: number }, w: number, h: number) {
  const pixels = { data: new Uint32Array(w * h), stride: w };
  rasterizeLane(pixels, { x: 0, y: 0, w, h }, model.lanes[0]!, model.end, view, palette);
  return { pixels, column: (x: number) => Array.from({ length: h }, (_, y) => pixels.data[y * w + x]) };
}

describe("rasterizing a lane", () => {
  it("gives whole columns the color of the segment covering them, empty before the first event", () => {
    const model = lane([[2, EventKind.Start], [4, EventKind.Wait, 9], [6, EventKind.Wake, 9], [8, EventKind.End]]);
    const { pixels } = raster(model, { start: 0, span: 8 }, 8, 1);
    expect([...pixels.data]).toEqual([1, 1, RUNNING, RUNNING, WAITING, WAITING, RUNNING, RUNNING]);
  });

  it("stacks the states sharing a column in proportion, bottom up", () => {
    // Column 0 holds 1 ms running, 1 ms waiting, 2 ms in I/O; the plot is 2 columns of 4 ms.
    const model = lane([[0, EventKind.Start], [1, EventKind.Wait, 9], [2, EventKind.Wake, 9], [2, EventKind.IoStart], [4, EventKind.IoEnd], [8, EventKind.End]]);
    const { column } = raster(model, { start: 0, span: 8 }, 2, 4);
    expect(column(0)).toEqual([WAITING, IO, IO, RUNNING]);
    expect(column(1)).toEqual([RUNNING, RUNNING, RUNNING, RUNNING]);
  });

  it("keeps an edge between two segments crisp: the larger share takes the column", () => {
    // Columns of 2 ms: column 1 is 1.5 ms I/O then 0.5 ms running.
    const model = lane([[0, EventKind.Start], [2, EventKind.IoStart], [3.5, EventKind.IoEnd], [6, EventKind.End]]);
    const { column } = raster(model, { start: 0, span: 6 }, 3, 4);
    expect([column(0), column(1), column(2)]).toEqual([Array(4).fill(RUNNING), Array(4).fill(IO), Array(4).fill(RUNNING)]);
  });

  it("costs one pass over the visible segments: a window far inside a long lane", () => {
    const events: [number, EventKind, number?][] = [[0, EventKind.Start]];
    for (let t = 1; t < 200_000; t += 2) events.push([t, EventKind.IoStart], [t + 1, EventKind.IoEnd]);
    const model = lane(events);
    const { pixels } = raster(model, { start: 100_001, span: 4 }, 4, 1);
    expect([...pixels.data]).toEqual([IO, RUNNING, IO, RUNNING]);
  });

  it("draws marks as one tick per column over the band", () => {
    const model = lane([[0, EventKind.Start], [1, EventKind.Mark], [1.2, EventKind.Mark], [3, EventKind.Mark]]);
    const pixels = { data: new Uint32Array(4 * 2), stride: 4 };
    rasterizeMarks(pixels, { x: 0, y: 0, w: 4, h: 2 }, model.lanes[0]!, { start: 0, span: 4 }, 99);
    expect([...pixels.data]).toEqual([0, 99, 0, 99, 0, 99, 0, 99]);
  });
});
