import { expect, test } from "@playwright/test";
import { onePageForTheFile } from "./one-page";
import { openLesson, replaceCode, run, setParam } from "./lesson-page";

// What the tour of the new lessons found hard to read: the form's names, Explore's table, the charts' legends and labels.
// In this order on one page: each Explore is the first since its lesson was opened, so that the result waited for is its own, not a previous search's.
const page = onePageForTheFile();

test("the form shows each parameter's name beside its label, as the goals and Explore name it", async () => {
  await openLesson(page(), "14-rate-limiting-and-backpressure");
  const limiter = page().getByTestId("params").locator("label", { has: page().getByTestId("param-limiter") });
  await expect(limiter).toContainText("What stands in front of the backend");
  await expect(limiter.locator("code.param-name")).toHaveText("limiter");
});

test("a chart's legend lists its series in the lesson's order, and a parameter's every value is labelled", async () => {
  await openLesson(page(), "13-structured-concurrency");
  expect(await run(page())).toBe("done");
  const runsChart = page().getByTestId("chart-0");
  await expect(runsChart.locator(".recharts-legend-item-text")).toHaveText(["done", "failed", "cancelled", "orphaned", "leaked"]);

  await openLesson(page(), "14-rate-limiting-and-backpressure");
  const limiters = ["none", "semaphore", "token-bucket", "sliding-window", "bounded-queue"];
  for (const limiter of limiters) {
    await setParam(page(), "limiter", limiter);
    expect(await run(page())).toBe("done");
  }
  const byLimiter = page().getByTestId("charts").locator("figure", { hasText: /by limiter/i }).first();
  await expect(byLimiter.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")).toHaveText(limiters);
});

test("Explore's table of many tasks scrolls inside its panel instead of widening the page", async () => {
  const viewport = page().viewportSize();
  await page().setViewportSize({ width: 1400, height: 1000 });
  await openLesson(page(), "14-rate-limiting-and-backpressure");
  await setParam(page(), "limiter", "token-bucket");
  await page().getByTestId("explore-button").click();
  await expect(page().getByTestId("explore-result")).toHaveAttribute("data-found", "true", { timeout: 60_000 });
  const table = page().getByTestId("explore-result").locator("table.swimlanes");
  expect(await table.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true);
  expect(await page().evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1400);
  if (viewport) await page().setViewportSize(viewport);
});

test("a result of negative zero shows as 0", async () => {
  await page().goto("./#/playground");
  // Until its link is current, the editor seen may be the last lesson's.
  await expect(page().getByTestId("playground-link")).toHaveAttribute("aria-current", "page");
  await expect(page().getByTestId("code-editor").locator(".view-lines")).toBeVisible();
  await replaceCode(
    page(),
    `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 1,
  setup: () => ({}),
  worker: () => {},
  result: () => ({ spent: -0 }),
});
`,
  );
  expect(await run(page())).toBe("done");
  await expect(page().getByTestId("result-spent")).toHaveText("0");
});

test("a step goal's check that passes in a schedule Explore gave says the student's own choices are what meet it", async () => {
  await openLesson(page(), "14-rate-limiting-and-backpressure");
  await setParam(page(), "limiter", "token-bucket");
  await page().getByTestId("explore-button").click();
  await expect(page().getByTestId("explore-result")).toHaveAttribute("data-found", "true", { timeout: 60_000 });
  await page().getByTestId("explore-jump").click();
  const passedStepGoal = page().locator('[data-testid^="step-goal-"][data-passed="true"]', { hasText: "In step mode" });
  await expect(passedStepGoal).toContainText("this run followed a schedule it was given");
});
