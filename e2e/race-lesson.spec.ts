import { expect, test, type ConsoleMessage } from "@playwright/test";
import { readFileSync } from "node:fs";
import { onePageForTheFile } from "./one-page";
import { openLesson, replaceCode, resultValue, run, setParam } from "./lesson-page";

// Each test sets the parameters it needs: the last test's stay on the page.
const page = onePageForTheFile();

test.describe("the race-condition lesson on real workers", () => {
  test("the page is cross-origin isolated and loads without console errors", async () => {
    const errors: string[] = [];
    const consoleError = (message: ConsoleMessage) => message.type() === "error" && errors.push(message.text());
    const pageError = (error: Error) => errors.push(error.message);
    page().on("console", consoleError);
    page().on("pageerror", pageError);
    await openLesson(page());
    expect(await page().evaluate(() => window.crossOriginIsolated)).toBe(true);
    await expect(page().getByTestId("lesson-title")).toHaveText("Race conditions");
    await expect(page().getByTestId("isolation-notice")).toHaveCount(0);
    page().off("console", consoleError);
    page().off("pageerror", pageError);
    expect(errors).toEqual([]);
  });

  // The first run of the page: the chart across runs has this run alone.
  test("fix = none loses updates with the lesson's defaults", async () => {
    await openLesson(page());
    expect(await run(page())).toBe("done");
    const expected = await resultValue(page(), "expected");
    expect(expected).toBe(4_000_000);
    expect(await resultValue(page(), "actual")).toBeLessThan(expected);
    await expect(page().getByTestId("goal-saw-race")).toHaveAttribute("data-met", "true");
    await expect(page().getByTestId("chart-0")).toHaveAttribute("data-points", "1");
  });

  for (const fix of ["lock", "atomic"]) {
    test(`fix = ${fix} ends exact and ticks its goal`, async () => {
      await openLesson(page());
      await setParam(page(), "fix", fix);
      await setParam(page(), "workers", 4);
      await setParam(page(), "increments", 250_000);
      expect(await run(page())).toBe("done");
      expect(await resultValue(page(), "expected")).toBe(1_000_000);
      expect(await resultValue(page(), "actual")).toBe(1_000_000);
      await expect(page().getByTestId(`goal-${fix}-exact`)).toHaveAttribute("data-met", "true");
    });
  }

  test("a parameter out of range is refused with a message, and nothing runs", async () => {
    await openLesson(page());
    await setParam(page(), "increments", 1e12);
    await expect(page().getByTestId("param-problem-increments")).toContainText("out of range");
    expect(await run(page())).toBe("refused");
    await expect(page().getByTestId("run-error")).toContainText("choose between 1 and 5,000,000");
    await setParam(page(), "increments", 1000);
    expect(await run(page())).toBe("done");
  });

  test("the Python tab shows the reference", async () => {
    await openLesson(page());
    await page().getByTestId("tab-python").click();
    await expect(page().getByTestId("python-reference")).toContainText("import threading");
    await page().getByTestId("tab-scenario").click();
    await expect(page().getByTestId("code-editor")).toBeVisible();
  });
});

test("the shared counter is shown live while the workers run", async () => {
  await openLesson(page());
  // The lock makes 2 x 5,000,000 increments take seconds: the run is still going when Stop is pressed.
  await setParam(page(), "fix", "lock");
  await setParam(page(), "workers", 2);
  await setParam(page(), "increments", 5_000_000);
  await page().getByTestId("run-button").click();
  await expect(page().getByTestId("shared-values")).toContainText("(live)");
  const counter = page().getByTestId("shared-counter");
  await expect
    .poll(async () => Number((await counter.textContent())?.replace(/,/g, "")), { intervals: [50] })
    .toBeGreaterThan(0);
  expect(Number((await counter.textContent())?.replace(/,/g, ""))).toBeLessThan(10_000_000);
  await page().getByTestId("stop-button").click();
  await expect(page().getByTestId("run-status")).toHaveAttribute("data-status", "stopped");
});

test("the lesson's solution holds the lock with `using` and meets the last goal", async () => {
  const solution = readFileSync(new URL("../lessons/03-race-conditions/solution.ts", import.meta.url), "utf8");
  await openLesson(page());
  await replaceCode(page(), solution);
  // The lesson's defaults, which the goal accepts: fix = none, 2 workers, at least 500,000 increments.
  await setParam(page(), "fix", "none");
  await setParam(page(), "workers", 2);
  await setParam(page(), "increments", 2_000_000);
  expect(await run(page())).toBe("done");
  expect(await resultValue(page(), "actual")).toBe(await resultValue(page(), "expected"));
  await expect(page().getByTestId("goal-with-lock")).toHaveAttribute("data-met", "true");
});
