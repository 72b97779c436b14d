import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { onePageForTheFile } from "./one-page";
import { openLesson, resultValue, run, savedCode, setParam } from "./lesson-page";

const SLUG = "16-pipelines";
const solution = readFileSync(new URL(`../lessons/${SLUG}/solution.ts`, import.meta.url), "utf8");

// Lesson 16 in the built site: pipeline and crawler run on the virtual clock,
// so their figures below are the same in every run. Hybrid runs on the real
// clock, and only the solution's count of records is asserted there.
test.describe("the pipelines lesson", () => {
  const page = onePageForTheFile();

  test("the defaults: record 10 goes to the error channel, none is lost, and records pile up before 3 processors", async () => {
    await openLesson(page(), SLUG);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "written")).toBe(11);
    expect(await resultValue(page(), "failed")).toBe(1);
    expect(await resultValue(page(), "lost")).toBe(0);
    expect(await resultValue(page(), "inboxPeak")).toBe(3);
    // What each stage manages while it has work: read, process (3 × 25 a second), write.
    await expect(page().getByTestId("result-stageRate")).toHaveAttribute("data-value", "100,75,100");
    await expect(page().getByTestId("goal-through")).toHaveAttribute("data-met", "true");
    await expect(page().getByTestId("goal-keeps-up")).toHaveAttribute("data-met", "false");
  });

  test("a fourth processor keeps up with the reader; past four, the reader and the writer are the slowest", async () => {
    await setParam(page(), "processors", 4);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "inboxPeak")).toBe(1);
    await expect(page().getByTestId("result-stageRate")).toHaveAttribute("data-value", "100,100,100");
    await expect(page().getByTestId("goal-keeps-up")).toHaveAttribute("data-met", "true");
    const itemsPerS = await resultValue(page(), "itemsPerS");
    await setParam(page(), "processors", 5);
    expect(await run(page())).toBe("done");
    await expect(page().getByTestId("result-stageRate")).toHaveAttribute("data-value", "100,125,100");
    expect(await resultValue(page(), "itemsPerS")).toBe(itemsPerS);
    await setParam(page(), "processors", 3);
  });

  test("slow processing: the grace-period shutdown cancels the three records still being processed", async () => {
    await setParam(page(), "processMs", 150);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "lost")).toBe(3);
    await expect(page().getByTestId("goal-drained")).toHaveAttribute("data-met", "false");
    await setParam(page(), "processMs", 40);
  });

  test("with the defaults, where a free run loses nothing, Explore finds the order of arrivals that drops a record", async () => {
    await page().getByTestId("explore-button").click();
    await expect(page().getByTestId("explore-params")).toContainText("items 3, processors 2, writers 1");
    const result = page().getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(result).toHaveAttribute("data-kind", "broken");
    await expect(result).toContainText("every record comes out");
    // The order the lesson describes: the processors are idle on the inbox, and the shutdown cancels the writer in its store.
    const lanes = await stepsByLane(page());
    expect(lanes.get("writer 1")?.slice(-2)).toEqual([expect.stringContaining("awaits I/O"), expect.stringContaining("ends cancelled")]);
    for (const processor of ["processor 1", "processor 2"]) {
      expect(lanes.get(processor)?.slice(-2)).toEqual([expect.stringContaining("awaits an item in queue inbox"), expect.stringContaining("ends cancelled")]);
    }
  });

  test("the crawler: the starter stops with pages still on the way", async () => {
    await setParam(page(), "mode", "crawler");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "reachable")).toBe(10);
    expect(await resultValue(page(), "written")).toBe(4);
    expect(await resultValue(page(), "lost")).toBe(6);
    await expect(page().getByTestId("goal-crawl-all")).toHaveAttribute("data-met", "false");
  });

  test("the solution joins the queues: the crawl is complete, slow records are kept, and Explore finds no loss", async () => {
    page().once("dialog", (dialog) => dialog.accept());
    await page().getByTestId("solve-button").click();
    await expect.poll(() => savedCode(page(), SLUG)).toBe(solution);
    await expect(page().getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
    await setParam(page(), "mode", "crawler");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "written")).toBe(10);
    expect(await resultValue(page(), "duplicates")).toBe(0);
    await expect(page().getByTestId("goal-crawl-all")).toHaveAttribute("data-met", "true");

    await setParam(page(), "mode", "pipeline");
    await setParam(page(), "processMs", 150);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "lost")).toBe(0);
    await expect(page().getByTestId("goal-drained")).toHaveAttribute("data-met", "true");
    await setParam(page(), "processMs", 40);
    await page().getByTestId("explore-button").click();
    await expect(page().getByTestId("explore-result")).toHaveAttribute("data-found", "false", { timeout: 30_000 });
  });

  test("hybrid: the CPU stage on a process pool, and every record still comes out", async () => {
    await setParam(page(), "mode", "hybrid");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "lost")).toBe(0);
    expect(await resultValue(page(), "written")).toBe(11);
    await expect(page().getByTestId("goal-hybrid")).toHaveAttribute("data-met", "true");
  });

  test("the Python tab shows the reference, with its process pool", async () => {
    await page().getByTestId("tab-python").click();
    await expect(page().getByTestId("python-reference")).toContainText("ProcessPoolExecutor");
    await expect(page().getByTestId("python-reference")).toContainText("await queue.join()");
    await page().getByTestId("tab-scenario").click();
  });
});

/** The found schedule's task steps, in order, by the name of the task's lane. */
async function stepsByLane(page: Page): Promise<Map<string, string[]>> {
  const table = page.getByTestId("explore-swimlanes");
  const names = await table.locator("thead th").allTextContents();
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => ({ lane: Number(tr.getAttribute("data-lane")), text: tr.textContent ?? "" })));
  const lanes = new Map<string, string[]>();
  for (const { lane, text } of rows) {
    const name = names[lane + 1] ?? `lane ${lane}`; // the first column numbers the steps
    lanes.set(name, [...(lanes.get(name) ?? []), text]);
  }
  return lanes;
}
