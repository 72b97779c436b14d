import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { onePageForTheFile } from "./one-page";
import { openLesson, resultValue, run, savedCode, setParam } from "./lesson-page";

const SLUG = "20-measuring-concurrency";
const solution = readFileSync(new URL(`../lessons/${SLUG}/solution.ts`, import.meta.url), "utf8");

/** A list field of the last run's result, as the page shows it. */
const resultList = (page: Page, field: string) => page.getByTestId(`result-${field}`).getAttribute("data-value");

// Lesson 20 in the built site. On real workers only what no load can upset is
// checked: every sample is there and each summary is in order. The profiler and
// the optimum pool sizes are checked on the virtual clock's simulated machine,
// whose figures are the same in every run.
test.describe("the measuring-concurrency lesson", () => {
  const page = onePageForTheFile();

  test("the defaults run on real workers, and every pool size's summary is in order whatever the load", async () => {
    test.setTimeout(90_000);
    await openLesson(page(), SLUG);
    expect(await run(page(), 70_000)).toBe("done");
    expect(await resultValue(page(), "samples")).toBe(40);
    await expect(page().getByTestId("result-profiledOnce")).toHaveAttribute("data-value", "true");
    await expect(page().getByTestId("goal-consistent")).toHaveAttribute("data-met", "true");
    for (const goal of ["profiled", "cpu-optimum", "io-optimum"]) await expect(page().getByTestId(`goal-${goal}`)).toHaveAttribute("data-met", "false");
    await expect(page().getByTestId("chart-0")).toHaveAttribute("data-points", "8");
  });

  test("on the simulated machine the starter's profiler times main's awaits: half a job's time with 2 workers, and jobs at 0 ms", async () => {
    await setParam(page(), "clock", "virtual");
    await setParam(page(), "cores", 2);
    expect(await run(page())).toBe("done");
    expect(await resultList(page(), "medianMs")).toBe("60,30,30,30,30,30,30,30");
    expect(await resultList(page(), "jobMs")).toBe("5,2.5,2.5,2.5,2.5,2.5,2.5,2.5");
    expect(await resultValue(page(), "timedAtZero")).toBeGreaterThan(0);
    expect(await resultValue(page(), "measuredOptimum")).toBe(2);
    await expect(page().getByTestId("goal-profiled")).toHaveAttribute("data-met", "false");
    await expect(page().getByTestId("goal-cpu-optimum")).toHaveAttribute("data-met", "true");
  });

  test("jobs that wait measure best well above the core count, where the starter still predicts the cores", async () => {
    await setParam(page(), "workload", "io");
    expect(await run(page())).toBe("done");
    expect(await resultList(page(), "medianMs")).toBe("240,120,85,65,60,50,50,45");
    expect(await resultValue(page(), "measuredOptimum")).toBe(8);
    expect(await resultValue(page(), "predictedOptimum")).toBe(2);
    await expect(page().getByTestId("goal-io-optimum")).toHaveAttribute("data-met", "false");
  });

  test("Explore finds the job the starter's profiler times at 0 ms", async () => {
    await page().getByTestId("explore-button").click();
    const result = page().getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(result).toHaveAttribute("data-kind", "broken");
    await expect(result).toContainText("every job is profiled exactly once, and no job is timed at 0 ms");
  });

  test("the solution times each job from inside it and predicts cores · (1 + wait/compute); Explore finds no order that breaks the profile", async () => {
    page().once("dialog", (dialog) => dialog.accept());
    await page().getByTestId("solve-button").click();
    await expect.poll(() => savedCode(page(), SLUG)).toBe(solution);
    await expect(page().getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
    await setParam(page(), "clock", "virtual");
    await setParam(page(), "cores", 2);
    await setParam(page(), "workload", "io");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "predictedOptimum")).toBe(8);
    expect(await resultValue(page(), "measuredOptimum")).toBe(8);
    expect(await resultList(page(), "jobMs")).toBe("20,20,20.42,20.83,21.67,22.5,23.75,25");
    expect(await resultValue(page(), "timedAtZero")).toBe(0);
    await expect(page().getByTestId("goal-io-optimum")).toHaveAttribute("data-met", "true");
    await expect(page().getByTestId("goal-profiled")).toHaveAttribute("data-met", "true");

    await page().getByTestId("explore-button").click();
    const result = page().getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "false", { timeout: 30_000 });
  });

  test("the Python tab shows the reference, with the statistics module and a profiling decorator", async () => {
    await page().getByTestId("tab-python").click();
    await expect(page().getByTestId("python-reference")).toContainText('statistics.quantiles(samples, n=20, method="inclusive")');
    await expect(page().getByTestId("python-reference")).toContainText("def profiled(self, name: str):");
    await page().getByTestId("tab-scenario").click();
  });
});
