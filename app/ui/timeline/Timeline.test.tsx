import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, it } from "vitest";
import { i18nInstance, loadLanguage } from "../../runtime/i18n/i18n";
import { TimelineBuilder } from "../../engine/timeline/builder";
import { deadlockNote } from "../../engine/timeline/note";
import { syntheticTrace } from "../../engine/timeline/synthetic-trace";
import { Timeline } from "./Timeline";
import { MAX_TASK_LANES } from "../../engine/timeline/loop-tracks";
import { EventKind, type TraceEvent } from "../../runtime/trace";
import type { TimelineModel } from "../../engine/timeline/model";

/** The timeline as the page renders it: under the page's i18next instance. */
function render(model: TimelineModel, live: boolean): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18nInstance}>
      <Timeline model={model} version={model.version} live={live} />
    </I18nextProvider>,
  );
}

describe("the timeline's markup", () => {
  afterEach(() => loadLanguage("en"));

  it("says how many lanes and segments it draws, and which lanes are deadlocked, for end-to-end tests", () => {
    const trace = syntheticTrace({ workers: 3, events: 500, mode: "gil" });
    const builder = new TimelineBuilder({ workers: 3, names: trace.names, origin: trace.origin });
    builder.add(trace.events);
    builder.annotate(2, deadlockNote({ worker: 2, kind: "lock", object: "counter_lock", holder: 0 }));
    const { model } = builder;
    const html = render(model, false);
    const segments = model.lanes.reduce((sum, lane) => sum + lane.count, 0);
    expect(html).toContain(`data-testid="timeline" data-lanes="3" data-segments="${segments}" data-deadlocked="1" data-live="false"`);
    expect(html).toContain("holding the GIL");
    expect(html).not.toContain(">running<");
  });

  it("disables zoom and scroll while the run goes on", () => {
    const builder = new TimelineBuilder({ workers: 1, names: new Map(), origin: 0 });
    const html = render(builder.model, true);
    expect(html.match(/disabled=""/g)).toHaveLength(3);
    expect(html).toContain('aria-disabled="true"');
  });

  it("says how many tasks an asyncio run had, its lag's peak, which tasks have no lane, and that its clock was virtual", async () => {
    const builder = new TimelineBuilder({ workers: 1, names: new Map(), origin: 0 });
    const tasks = MAX_TASK_LANES + 2;
    const events: TraceEvent[] = [
      { worker: 0, time: 0, kind: EventKind.LoopStart, object: 0, value: 1 },
      ...Array.from({ length: tasks }, (_, task): TraceEvent => ({ worker: 0, time: 1, kind: EventKind.TaskCreated, object: task, value: 0 })),
      { worker: 0, time: 9, kind: EventKind.LoopLag, object: 0, value: 7_250 },
    ];
    builder.add(events);
    const { model } = builder;
    const html = render(model, false);
    expect(html).toContain(`data-lanes="${1 + MAX_TASK_LANES}"`);
    expect(html).toContain(`data-tasks="${tasks}" data-lag-peak="7.3"`);
    expect(html).toContain(`Timeline of 1 worker and ${tasks} asyncio tasks, with the loop&#x27;s lag under them (peak 7.25 ms)`);
    expect(html).toContain(`Lanes for the first ${MAX_TASK_LANES} of ${tasks} tasks.`);
    expect(html).toContain('data-testid="timeline-virtual-clock"');
    expect(html).toContain("loop lag");
    await loadLanguage("zh-CN");
    expect(render(model, false)).toContain(`时间线：1 个工作线程和 ${tasks} 个 asyncio 任务（下方是事件循环的延迟，峰值 7.25 ms）`);
  });
});
