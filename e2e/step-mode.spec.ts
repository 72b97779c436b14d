import { expect, test } from "@playwright/test";
import { openLesson } from "./lesson-page";

// The student as scheduler: the race lesson's lost update, forced by clicking, on the real workers.
test("stepping the race by hand: both workers read before either writes, and the counter ends wrong", async ({ page }) => {
  await openLesson(page);
  await page.getByTestId("step-start").click();
  const stepA = page.getByTestId("step-A");
  const stepB = page.getByTestId("step-B");
  await expect(stepA).toBeEnabled();
  // The lesson's stepParams: 2 workers, 3 increments each, fix none.
  await stepA.click();
  await stepB.click();
  await expect(page.getByTestId("step-worker-A")).toContainText("will next: reads counter");
  await expect(page.getByTestId("code-editor")).toHaveAttribute("data-step-lines", /^\d+:0,\d+:1$/);
  await stepA.click(); // A reads 0
  await stepB.click(); // B reads 0
  await expect(page.getByTestId("step-worker-B")).toContainText("will next: writes counter");
  await stepA.click(); // A writes 1
  await stepB.click(); // B writes 1: A's add is lost
  await expect(page.getByTestId("step-value-counter")).toHaveText("1");
  await page.keyboard.press("a"); // the worker's letter steps it too
  await expect(page.getByTestId("step-count")).toHaveText(/ 7 steps/);
  await page.getByTestId("step-undo").click();
  await expect(page.getByTestId("step-count")).toHaveText(/ 6 steps/);
  await page.getByTestId("step-run-to-end").click();
  const result = page.getByTestId("step-result");
  await expect(result).toContainText('"expected":6');
  await expect(result).toContainText('"lost":1');
  // The lesson's step goal: announced, and ticked among the goals.
  await expect(page.getByTestId("step-goal-reached-step-lost")).toContainText("Goal reached: In step mode");
  await expect(page.getByTestId("goal-step-lost")).toHaveAttribute("data-met", "true");
});
