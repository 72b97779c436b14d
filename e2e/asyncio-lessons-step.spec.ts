import { expect, test, type Page } from "@playwright/test";
import { openLesson } from "./lesson-page";

/** Opens step mode on the lesson's small parameters; asyncio lessons step by task. */
async function startTaskSteps(page: Page): Promise<void> {
  await page.getByTestId("step-start").click();
  await expect(page.getByTestId("step-mode")).toHaveAttribute("data-tasks", "true", { timeout: 30_000 });
  await expect(page.getByTestId("step-next")).toBeEnabled();
}

/** Takes the next task step until the loop has a choice to offer; fails if none comes within `limit` steps. */
async function stepToChoice(page: Page, limit = 30): Promise<void> {
  const choice = page.getByTestId("step-choice");
  const count = page.getByTestId("step-count");
  for (let i = 0; i < limit; i++) {
    if (await choice.isVisible()) return;
    const before = await count.textContent();
    await page.getByTestId("step-next").click();
    // A step either runs a task (the count moves on) or stops where the loop has a choice.
    await expect.poll(async () => (await choice.isVisible()) || (await count.textContent()) !== before).toBe(true);
  }
  throw new Error(`no choice of arrival within ${limit} steps`);
}

// The asyncio lessons in step mode, in the built site: the student moves the tasks, chooses which reply comes first, and sees the verdict.
test.describe("asyncio lessons in step mode", () => {
  test("lesson 12: the nominal schedule keeps the count; Explore's schedule, gone to in step mode, loses it", async ({ page }) => {
    await openLesson(page, "12-the-event-loop");
    await startTaskSteps(page);
    await page.getByTestId("step-run-to-end").click();
    await expect(page.getByTestId("step-result")).toContainText("Every task has finished.");
    await expect(page.getByTestId("step-goal-invariant")).toHaveAttribute("data-passed", "true");
    await page.getByTestId("step-close").click();

    await page.getByTestId("explore-button").click();
    await expect(page.getByTestId("explore-result")).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await page.getByTestId("explore-jump").click();
    await expect(page.getByTestId("step-mode")).toHaveAttribute("data-tasks", "true");
    await expect(page.getByTestId("step-goal-invariant")).toHaveAttribute("data-passed", "false", { timeout: 30_000 });
  });

  test("lesson 13: a choice of which call answers first, taken by hand, and the leak the starter leaves at the end", async ({ page }) => {
    await openLesson(page, "13-structured-concurrency");
    await startTaskSteps(page);
    await stepToChoice(page);
    await expect(page.getByTestId("step-arrival-0")).toHaveAttribute("data-preemption", "false");
    await expect(page.getByTestId("step-arrival-1")).toHaveAttribute("data-preemption", "true");
    await page.getByTestId("step-arrival-1").click();
    // The out-of-order reply is the loop's own row, marked as a preemption, in the step swimlanes.
    await expect(page.getByTestId("step-mode").locator('tr.preemption[data-lane="0"]')).toHaveCount(1);
    await page.getByTestId("step-run-to-end").click();
    await expect(page.getByTestId("step-result")).toContainText("Still pending when main returned");
  });
});
