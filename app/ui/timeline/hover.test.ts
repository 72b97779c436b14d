import { afterEach, describe, expect, it } from "vitest";
import { loadLanguage } from "../../runtime/i18n/i18n";
import { TimelineBuilder } from "../../engine/timeline/builder";
import { deadlockNote } from "../../engine/timeline/note";
import { EventKind, type TraceEvent } from "../../runtime/trace";
import { geometry, laneTop, preferredHeight } from "./geometry";
import { hoverTip } from "./hover";

const LOCK = 700;

function setup() {
  const builder = new TimelineBuilder({ workers: 2, names: new Map([[LOCK, "fork_1"]]), origin: 0 });
  const events: [number, number, EventKind, number?][] = [
    [0, 0, EventKind.Start],
    [0, 20, EventKind.Wait, LOCK],
    [1, 50, EventKind.Start],
  ];
  builder.add(events.map(([worker, time, kind, object = 0]): TraceEvent => ({ worker, time, kind, object, value: 0 })));
  builder.advance(100);
  return builder;
}

describe("the hover tooltip", () => {
  afterEach(() => loadLanguage("en"));
  const geo = geometry(1036, preferredHeight(2), 2);
  const xAt = (time: number) => geo.plotLeft + (time / 100) * geo.plotWidth;
  const yOf = (lane: number) => laneTop(geo, lane) + geo.laneHeight / 2;

  it("names the lane, the state, the object waited on, the start and the duration", () => {
    const { model } = setup();
    expect(hoverTip(model, { start: 0, span: 100 }, geo, xAt(60), yOf(0))?.lines).toEqual(["A: waiting on fork_1", "from 20.00 ms, for 80.00 ms"]);
    expect(hoverTip(model, { start: 0, span: 100 }, geo, xAt(10), yOf(0))?.lines).toEqual(["A: running", "from 0 µs, for 20.00 ms"]);
    expect(hoverTip(model, { start: 0, span: 100 }, geo, xAt(10), yOf(1))?.lines).toEqual(["B: not started yet"]);
  });

  it("adds a deadlocked lane's note, and says nothing off the lanes", () => {
    const builder = setup();
    builder.annotate(0, deadlockNote({ worker: 0, kind: "lock", object: "fork_1", holder: 1 }));
    expect(hoverTip(builder.model, { start: 0, span: 100 }, geo, xAt(60), yOf(0))?.lines.at(-1)).toBe("deadlocked: waiting for lock fork_1 held by B");
    expect(hoverTip(builder.model, { start: 0, span: 100 }, geo, xAt(60), 2)).toBeNull();
    expect(hoverTip(builder.model, { start: 0, span: 100 }, geo, 5, yOf(0))).toBeNull();
  });

  it("speaks Chinese", async () => {
    const builder = setup();
    builder.annotate(0, deadlockNote({ worker: 0, kind: "lock", object: "fork_1", holder: 1 }));
    await loadLanguage("zh-CN");
    expect(hoverTip(builder.model, { start: 0, span: 100 }, geo, xAt(60), yOf(0))?.lines).toEqual([
      "A：在等待 fork_1",
      "从 20.00 ms 开始，持续 80.00 ms",
      "死锁：在等待锁 fork_1（由 B 持有）",
    ]);
  });
});
