/** The timeline of a run with an asyncio loop: what its tooltip says over task lanes and the lag chart, and the chart's ramps. */
import { describe, expect, it } from "vitest";
import { TimelineBuilder } from "../../engine/timeline/builder";
import { AwaitKind } from "../../runtime/asyncio/await-kinds";
import { EventKind, type TraceEvent } from "../../runtime/trace";
import { lagColumns } from "./draw-lag";
import { geometry, laneTop, preferredHeight, WITH_LOOP } from "./geometry";
import { hoverTip } from "./hover";

const { LoopStart, TaskCreated, TaskNameChar, TaskStep, TaskSuspend, WordsChar, LoopLag } = EventKind;

function chars(kind: EventKind, object: number, text: string): [number, EventKind, number, number][] {
  return Array.from(text, (c, i) => [0, kind, object, c.charCodeAt(0) | (i << 16) | (i === text.length - 1 ? 1 << 31 : 0)]);
}

/** A real loop on worker 0: `fetch` runs from 10 ms, then awaits I/O from 20 ms; a timer due at 30 ms fired at 70. */
function model() {
  const rows: [number, EventKind, number?, number?][] = [
    [0, LoopStart, 0, 0],
    [0, TaskCreated, 0],
    ...chars(TaskNameChar, 0, "fetch"),
    ...chars(WordsChar, 1, "I/O of 0.05 s"),
    [10, TaskStep, 0],
    [20, TaskSuspend, 0, AwaitKind.Io | (1 << 4)],
    [70, LoopLag, 0, 40_000],
  ];
  const builder = new TimelineBuilder({ workers: 1, names: new Map(), origin: 0 });
  builder.add(rows.map(([time, kind, object = 0, value = 0]): TraceEvent => ({ worker: 0, time, kind, object, value })));
  builder.lost({ worker: 0, from: 80, to: 90 });
  builder.advance(100);
  return builder.model;
}

describe("the timeline of an asyncio run", () => {
  const geo = geometry(1120, preferredHeight(2, WITH_LOOP), 2, WITH_LOOP);
  const view = { start: 0, span: 100 };
  const xAt = (time: number) => geo.plotLeft + (time / 100) * geo.plotWidth;
  const overTask = laneTop(geo, 1) + geo.laneHeight / 2;

  it("says what a task awaits, in words, and where the page lost its events", () => {
    expect(hoverTip(model(), view, geo, xAt(5), overTask)?.lines).toEqual(["fetch: ready, waiting for its turn", "from 0 µs, for 10.00 ms"]);
    expect(hoverTip(model(), view, geo, xAt(50), overTask)?.lines).toEqual(["fetch: awaiting I/O of 0.05 s", "from 20.00 ms, for 80.00 ms"]);
    expect(hoverTip(model(), view, geo, xAt(85), overTask)?.lines.at(-1)).toBe("trace events were lost here: this lane may be wrong");
  });

  it("says how late the loop was under the pointer over the lag chart: rising from a deadline until the loop got to it", () => {
    const overLag = geo.lagTop + geo.lagHeight / 2;
    expect(hoverTip(model(), view, geo, xAt(50), overLag)?.lines[0]).toMatch(/^loop lag: 20\.\d\d ms here$/);
    expect(hoverTip(model(), view, geo, xAt(90), overLag)?.lines[0]).toBe("loop lag: 0 µs here");
  });

  it("charts each late timer as a ramp from its deadline to its lag, the highest ramp in each column", () => {
    const lag = { count: 2, times: Float64Array.of(70, 75), lags: Float64Array.of(40, 10), peak: 40 };
    const columns = lagColumns(lag, { start: 0, span: 100 }, 10);
    // Columns of 10 ms, each at its right edge: the ramp of the timer due at 30 ms, then the one due at 65 ms stays below it.
    expect(Array.from(columns)).toEqual([0, 0, 0, 10, 20, 30, 40, 40, 0, 0]);
  });
});
