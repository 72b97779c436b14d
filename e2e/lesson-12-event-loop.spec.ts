import { expect, test } from "@playwright/test";
import { openLesson, resultValue, run, savedCode, setParam } from "./lesson-page";

const LESSON = "12-the-event-loop";

// Lesson 12 in the built site: asyncio tasks on one event loop. Without a pool the loop's clock is
// virtual, so those figures are exact; with a pool only counts are asserted, never a lag's size.
test.describe("lesson 12, the event loop", () => {
  test("sequential awaits add the latencies, gather takes the slowest, and CPU work on the loop shows as lag", async ({ page }) => {
    await openLesson(page, LESSON);
    expect(await run(page)).toBe("done");
    expect(await resultValue(page, "totalMs")).toBe(460);
    expect(await resultValue(page, "sumMs")).toBe(460);
    await expect(page.getByTestId("goal-sequential-sum")).toHaveAttribute("data-met", "true");
    await expect(page.getByTestId("run-interpreter")).toHaveText("Ran as asyncio tasks taking turns on one event loop, one thread.");

    await setParam(page, "style", "gather");
    expect(await run(page)).toBe("done");
    expect(await resultValue(page, "totalMs")).toBe(130);
    await expect(page.getByTestId("goal-gather-max")).toHaveAttribute("data-met", "true");

    // The starter's tasks style awaits each task as it makes it: as slow as sequential.
    await setParam(page, "style", "tasks");
    expect(await run(page)).toBe("done");
    expect(await resultValue(page, "totalMs")).toBe(460);
    await expect(page.getByTestId("goal-tasks-overlap")).toHaveAttribute("data-met", "false");

    await setParam(page, "style", "gather");
    await setParam(page, "cpu", 50);
    expect(await run(page)).toBe("done");
    // The first reply comes at 100 ms and is parsed until 150; the three that came meanwhile are parsed after it, until 300.
    // The monitor's tick due at 100 ms ties with that reply and runs after its parse, at 150; its next, due at 160, waits to 300.
    expect(await resultValue(page, "totalMs")).toBe(300);
    expect(await resultValue(page, "maxLagMs")).toBe(140);
    expect(await resultValue(page, "ticksWhileParsing")).toBe(0);
    await expect(page.getByTestId("goal-loop-lag")).toHaveAttribute("data-met", "true");
    // The lag over time and each page's lateness are drawn from the latest run.
    await expect(page.getByTestId("chart-1")).not.toHaveAttribute("data-points", "0");
    await expect(page.getByTestId("chart-2")).toHaveAttribute("data-points", "4");
  });

  test("a process pool keeps the monitor ticking while replies are parsed; Explore finds the lost update and proves the solution", async ({ page }) => {
    test.setTimeout(120_000);
    await openLesson(page, LESSON);
    await setParam(page, "style", "gather");
    await setParam(page, "cpu", 50);
    await setParam(page, "offload", "processes");
    expect(await run(page)).toBe("done");
    expect(await resultValue(page, "ticksWhileParsing")).toBeGreaterThan(0);
    await expect(page.getByTestId("goal-responsive")).toHaveAttribute("data-met", "true");

    await page.getByTestId("explore-button").click();
    const result = page.getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(result).toHaveAttribute("data-kind", "broken");
    await expect(result).toContainText("No longer holds: every page's records are counted");
    await expect(page.getByTestId("explore-params")).toHaveText("Searched with calls 2, latency 20, style gather, cpu 10, offload processes.");
    // Two replies, 50 records each: the second task's stale write leaves one page's records.
    await expect(result).toContainText('"records":50,"expected":100');

    // The solution reads and writes the total with no await between: no order of the replies loses a page.
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByTestId("solve-button").click();
    await expect.poll(() => savedCode(page, LESSON)).toContain("state.records += records;");
    expect(await run(page)).toBe("done");
    expect(await resultValue(page, "records")).toBe(await resultValue(page, "expected"));
    await expect(page.getByTestId("goal-all-counted")).toHaveAttribute("data-met", "true");
    await page.getByTestId("explore-button").click();
    await expect(result).toHaveAttribute("data-found", "false", { timeout: 60_000 });
    await expect(result).toContainText(/^No failure in [\d,]+ schedules/);
  });
});
