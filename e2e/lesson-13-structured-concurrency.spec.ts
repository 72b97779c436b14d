import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { onePageForTheFile } from "./one-page";
import { openLesson, resultValue, run, savedCode, setParam } from "./lesson-page";

const SLUG = "13-structured-concurrency";
const solution = readFileSync(new URL(`../lessons/${SLUG}/solution.ts`, import.meta.url), "utf8");

// Lesson 13 in the built site: asyncio tasks on one event loop, on the virtual
// clock, so that every figure below is the same in every run.
test.describe("the structured-concurrency lesson", () => {
  const page = onePageForTheFile();

  test("the defaults (gather) orphan the calls of a failed page, and the two still running when main returns are named", async () => {
    await openLesson(page(), SLUG);
    expect(await run(page())).toBe("done");
    await expect(page().getByTestId("run-interpreter")).toHaveText("Ran as asyncio tasks taking turns on one event loop, one thread.");
    expect(await resultValue(page(), "pagesFailed")).toBe(2);
    expect(await resultValue(page(), "orphaned")).toBe(4);
    expect(await resultValue(page(), "leaked")).toBe(2);
    expect(await resultValue(page(), "peakConnections")).toBe(5);
    await expect(page().getByTestId("run-notes")).toContainText("Still pending when main returned, so cancelled as asyncio.run does: p4-orders, p4-recs.");
    await expect(page().getByTestId("goal-orphans")).toHaveAttribute("data-met", "true");
    await expect(page().getByTestId("chart-1")).toHaveAttribute("data-points", "4");
  });

  test("gather-exceptions waits for every call: nothing orphaned or cancelled, the answers of failed pages wasted", async () => {
    await setParam(page(), "fanout", "gather-exceptions");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "orphaned")).toBe(0);
    expect(await resultValue(page(), "cancelled")).toBe(0);
    expect(await resultValue(page(), "wasted")).toBe(4);
    await expect(page().getByTestId("run-notes")).toHaveCount(0);
    await expect(page().getByTestId("goal-wait-all")).toHaveAttribute("data-met", "true");
  });

  test("a TaskGroup cancels the siblings of a failing call, and a deadline cancels what is inside it", async () => {
    await setParam(page(), "fanout", "taskgroup");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "cancelled")).toBe(4);
    expect(await resultValue(page(), "orphaned")).toBe(0);
    expect(await resultValue(page(), "wasted")).toBe(0);
    await expect(page().getByTestId("goal-cancel-siblings")).toHaveAttribute("data-met", "true");

    await setParam(page(), "failRate", 0);
    await setParam(page(), "timeoutMs", 250);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "pagesTimedOut")).toBe(2);
    expect(await resultValue(page(), "cancelled")).toBe(2);
    await expect(page().getByTestId("goal-deadline")).toHaveAttribute("data-met", "true");
    await setParam(page(), "failRate", 20);
    await setParam(page(), "timeoutMs", 0);
  });

  test("with a TaskGroup the free run leaks nothing, yet Explore finds the fire-and-forget audit task still running when main returns", async () => {
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "leaked")).toBe(0);
    await page().getByTestId("explore-button").click();
    await expect(page().getByTestId("explore-params")).toHaveText("Searched with pages 2, failRate 20, fanout taskgroup, timeoutMs 0, auditMs 50, graceMs 100.");
    const result = page().getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(result).toHaveAttribute("data-kind", "broken");
    await expect(result).toContainText("Still pending when main returned, so cancelled as asyncio.run does: audit-2.");
  });

  test("a slow audit store leaks in every free run, and the starter misses the graceful goal", async () => {
    await setParam(page(), "auditMs", 300);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "leaked")).toBe(2);
    await expect(page().getByTestId("run-notes")).toContainText("Still pending when main returned, so cancelled as asyncio.run does: audit-3, audit-4.");
    await expect(page().getByTestId("goal-graceful")).toHaveAttribute("data-met", "false");
  });

  test("the solution's graceful shutdown cancels the audits the grace period cannot wait for, and Explore finds no leak", async () => {
    page().once("dialog", (dialog) => dialog.accept());
    await page().getByTestId("solve-button").click();
    await expect.poll(() => savedCode(page(), SLUG)).toBe(solution);
    await expect(page().getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
    await setParam(page(), "fanout", "taskgroup");
    await setParam(page(), "auditMs", 300);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "leaked")).toBe(0);
    expect(await resultValue(page(), "auditsCancelled")).toBe(2);
    await expect(page().getByTestId("run-notes")).toHaveCount(0);
    await expect(page().getByTestId("goal-graceful")).toHaveAttribute("data-met", "true");
    await page().getByTestId("explore-button").click();
    const result = page().getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "false", { timeout: 30_000 });
  });

  test("the Python tab shows the reference, on a virtual-clock loop", async () => {
    await page().getByTestId("tab-python").click();
    await expect(page().getByTestId("python-reference")).toContainText("asyncio.TaskGroup()");
    await expect(page().getByTestId("python-reference")).toContainText("class VirtualClockLoop");
    await page().getByTestId("tab-scenario").click();
  });
});
