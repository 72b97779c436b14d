import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, it } from "vitest";
import { i18nInstance, loadLanguage } from "../runtime/i18n/i18n";
import type { RunRecord } from "../engine/session";
import { RunStatus } from "./RunStatus";

const worker = { startedAt: 0, finishedAt: 0, notes: [], console: { lines: [], dropped: 0 } };

function finished(bodyMs: number, switchIntervalMs: number): RunRecord {
  return {
    index: 1,
    source: "",
    params: {},
    outcome: { status: "done", result: null, goals: [], workers: [worker, worker], bodyMs, elapsedMs: bodyMs, gilSwitches: 0 },
    interpreter: { mode: "gil", switchIntervalMs, executor: null },
  };
}

/** The status as the page renders it: under the page's i18next instance. */
function render(record: RunRecord): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18nInstance}>
      <RunStatus running={null} last={record} edited={false} stepping={false} />
    </I18nextProvider>,
  );
}

describe("the run status", () => {
  afterEach(() => loadLanguage("en"));

  it("says how long the run took and the GIL's switch interval, in ms or s", () => {
    expect(render(finished(12.4, 5))).toContain("Run 1 finished: 2 workers in 12 ms.");
    expect(render(finished(1234.5, 0.01))).toContain("Run 1 finished: 2 workers in 1.23 s.");
    expect(render(finished(12.4, 5))).toContain("switch interval 5 ms, the default).");
    expect(render(finished(12.4, 0.01))).toContain("switch interval 0.01 ms).");
  });

  it("writes them in Chinese with the same symbols as the timeline", async () => {
    await loadLanguage("zh-CN");
    expect(render(finished(12.4, 5))).toContain("第 1 次运行完成：2 个工作线程，用时 12 ms。");
    expect(render(finished(1234.5, 0.01))).toContain("第 1 次运行完成：2 个工作线程，用时 1.23 s。");
    expect(render(finished(12.4, 5))).toContain("切换间隔 5 ms，即默认值）。");
    expect(render(finished(12.4, 0.01))).toContain("切换间隔 0.01 ms）。");
  });
});
