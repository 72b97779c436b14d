import { expect, test } from "@playwright/test";
import { openLesson, setParam } from "./lesson-page";
import { onePageForTheFile } from "./one-page";

// Explore on the page: the controller runs in its own worker, the schedules on the real runner workers.
test.describe("explore finds the failing schedule", () => {
  const lessonPage = onePageForTheFile();

  test("the race lesson's lost update is found, shown as swimlanes and as a schedule string", async () => {
    const page = lessonPage();
    await openLesson(page);
    await page.getByTestId("explore-button").click();
    const result = page.getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(result).toHaveAttribute("data-kind", "broken");
    await expect(result).toContainText("No longer holds: the count is exact");
    await expect(page.getByTestId("explore-params")).toHaveText("Searched with workers 2, increments 3, interpreter gil, between a call, fix none.");
    const lanes = page.getByTestId("explore-swimlanes");
    await expect(lanes).toContainText(/reads counter = \d/);
    await expect(lanes).toContainText(/writes counter, now \d/);
    await expect(lanes.locator("tr.preemption")).not.toHaveCount(0);
    await expect(page.getByTestId("explore-swimlanes-end")).toContainText("No longer holds: the count is exact");
    await expect(page.getByTestId("explore-schedule")).toHaveText(/^v1\.[0-9a-f]{8}\.[A-P\d]+$/);
  });

  test("with the lock, explore searches every schedule up to a rising bound, then at random until its budget, and says what it covered", async () => {
    const page = lessonPage();
    await openLesson(page);
    await setParam(page, "fix", "lock");
    await page.getByTestId("explore-button").click();
    await expect(page.getByTestId("explore-progress")).toHaveAttribute("data-strategy", /random walk|PCT/, { timeout: 10_000 });
    await expect(page.getByTestId("explore-progress")).toContainText(/s left$/);
    const result = page.getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "false", { timeout: 60_000 });
    await expect(result).toContainText(/^No failure in [\d,]+ schedules, every one with up to [2-9] preemptions among them, nor in [\d,]+ random-walk and PCT schedules after them\./);
  });

  test("Cancel stops a search, and the result says what it covered before", async () => {
    const page = lessonPage();
    await openLesson(page);
    await setParam(page, "fix", "lock");
    await page.getByTestId("explore-button").click();
    await expect(page.getByTestId("explore-progress")).toContainText(/[1-9][\d,]* schedules tried/);
    await page.getByTestId("explore-cancel").click();
    const result = page.getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "false", { timeout: 5_000 });
    await expect(result).toContainText("before you cancelled");
  });

  test("the deadlock lesson: explore finds the deadlock, Replay shows it in step mode, Take over starts from any step", async () => {
    const page = lessonPage();
    await openLesson(page, "18-deadlock");
    await page.getByTestId("explore-button").click();
    const result = page.getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-kind", "deadlock", { timeout: 30_000 });
    await expect(result).toContainText(/Deadlock: A waits for lock account \d held by B, which waits for lock account \d held by A\./);
    // Replay opens at the start, with the schedule to follow step by step or play.
    await page.getByTestId("explore-replay").click();
    await expect(page.getByTestId("step-count")).toHaveText(/ 0 steps/);
    await page.getByTestId("step-follow").click();
    await expect(page.getByTestId("step-count")).toHaveText(/ 1 step$/);
    await page.getByTestId("step-play").click();
    await expect(page.getByTestId("step-problem")).toContainText(/Deadlock: A waits for lock account \d held by B/);
    await expect(page.getByTestId("step-worker-A")).toContainText("is blocked, waiting on lock account");
    // Following explore's schedule is not deadlocking them by hand.
    await expect(page.getByTestId("step-goal-reached-step-deadlock")).toHaveCount(0);
    await page.getByTestId("step-close").click();
    await page.getByTestId("explore-take-over-3").click();
    await expect(page.getByTestId("step-count")).toHaveText(/ 2 steps/);
    await expect(page.getByTestId("step-mode")).toHaveAttribute("data-status", "stepping");
    // The next test steps by hand from the first step.
    await page.getByTestId("step-close").click();
  });

  test("the deadlock lesson: the student deadlocks the two clerks by hand, and the step goal is announced", async () => {
    const page = lessonPage();
    await openLesson(page, "18-deadlock");
    await page.getByTestId("step-start").click();
    const problem = page.getByTestId("step-problem");
    // Turn about: each clerk takes its first lock before either takes its second.
    const count = page.getByTestId("step-count");
    for (let move = 0; move < 40 && (await problem.count()) === 0; move++) {
      const worker = move % 2 === 0 ? "A" : "B";
      if (!(await page.getByTestId(`step-${worker}`).isEnabled())) continue;
      const before = await count.textContent();
      await page.getByTestId(`step-${worker}`).click();
      await expect(count).not.toHaveText(before ?? "");
    }
    await expect(problem).toContainText(/Deadlock: [AB] waits for lock account \d held by [AB]/);
    await expect(page.getByTestId("step-goal-reached-step-deadlock")).toContainText("Goal reached");
    await expect(page.getByTestId("goal-step-deadlock")).toHaveAttribute("data-met", "true");
  });
});
