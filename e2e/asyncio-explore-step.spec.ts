import { expect, test } from "@playwright/test";
import { openPlayground, replaceCode } from "./lesson-page";

/**
 * An update lost only when the replies come in another order than their
 * latencies say: Task-2's slow lookup (0.3 s) arriving before Task-1 has
 * written lets both read the same count. Nominally Task-1 writes at 0.2 s and
 * Task-2 reads after, at 0.3 s.
 */
const jitter = `import { defineAsyncScenario } from "interleave";

export default defineAsyncScenario({
  params: {},
  setup: () => ({ counter: 0 }),
  main: async (state, loop) => {
    const add = (lookup) => async () => {
      await loop.io(lookup);
      const seen = state.counter;
      await loop.io(0.1);
      state.counter = seen + 1;
    };
    await loop.gather([add(0.1), add(0.3)]);
  },
  result: (state) => ({ actual: state.counter, expected: 2 }),
});
`;

const lost = /Every task has finished\. Result: \{"actual":1,"expected":2\}/;

// asyncio's schedules in the built site: Explore over the loop's arrivals, task step mode, and a share link, on the playground's promise.
test("an asyncio lost update: explored, seen by task, replayed and made by hand in step mode, and shared", async ({ page, browser }) => {
  await openPlayground(page);
  await replaceCode(page, jitter);
  await expect(page.getByTestId("playground-promise")).toHaveValue("result.actual === result.expected");

  await page.getByTestId("explore-button").click();
  const result = page.getByTestId("explore-result");
  await expect(result).toHaveAttribute("data-found", "true", { timeout: 30_000 });
  await expect(result).toHaveAttribute("data-tasks", "true");
  await expect(result).toContainText("No longer holds: result.actual === result.expected");
  // A column per task, named, beside the event loop's.
  const lanes = page.getByTestId("explore-swimlanes");
  await expect(lanes).toHaveAttribute("data-lanes", "4");
  await expect(lanes.locator("thead th")).toHaveText(["#", "event loop", "main", "Task-1", "Task-2"]);
  await expect(lanes.locator('tr.preemption[data-lane="0"]')).toContainText("Task-2's I/O of 0.3 s completes first, sooner than its time");
  await expect(lanes.locator('tr[data-lane="2"]').first()).toContainText("starts, awaits I/O of 0.1 s line 8, at 0 s");
  await expect(page.getByTestId("explore-swimlanes-end")).toContainText("No longer holds");
  const schedule = await page.getByTestId("explore-schedule").textContent();
  expect(schedule).toMatch(/^v1\.[0-9a-f]{8}\.t[0-9*-]*[1-9]$/);

  // Replayed in step mode: the found schedule, played to its failure.
  await page.getByTestId("explore-replay").click();
  const stepMode = page.getByTestId("step-mode");
  await expect(stepMode).toHaveAttribute("data-tasks", "true");
  await expect(stepMode).toHaveAttribute("data-status", "stepping");
  await expect(page.getByTestId("step-task-1")).toHaveText("main ready to start");
  await expect(page.getByTestId("step-plan")).toContainText("Following the schedule: 0 of its");
  await page.getByTestId("step-play").click();
  await expect(page.getByTestId("step-result")).toContainText(lost);
  await expect(page.getByTestId("step-result")).toContainText("✗ No longer holds: result.actual === result.expected");
  await expect(page.getByTestId("step-swimlanes").locator('tr.preemption[data-lane="0"]')).toHaveCount(1);

  // By hand, with no plan: step to the loop's first choice, and let the slow lookup come first.
  await page.getByTestId("step-close").click();
  await page.getByTestId("step-start").click();
  await expect(stepMode).toHaveAttribute("data-status", "stepping");
  for (const count of ["1 task step", "2 task steps", "3 task steps"]) {
    await page.getByTestId("step-next").click();
    await expect(page.getByTestId("step-count")).toHaveText(` ${count}`);
  }
  // Both lookups are out and no task is ready: the next click stops at the loop's choice, before any step.
  const choice = page.getByTestId("step-choice");
  await expect(choice).toHaveCount(0);
  await page.getByTestId("step-next").click();
  await expect(choice).toBeVisible();
  await expect(page.getByTestId("step-count")).toHaveText(" 3 task steps");
  await expect(page.getByTestId("step-task-3")).toHaveText("Task-2 awaits I/O of 0.3 s");
  await expect(page.getByTestId("step-arrival-0")).toHaveAttribute("data-preemption", "false");
  const early = page.getByTestId("step-arrival-1");
  await expect(early).toHaveAttribute("data-preemption", "true");
  await expect(early).toContainText("Task-2's I/O of 0.3 s completes first, sooner than its time (a preemption)");
  await early.click();
  await expect(page.getByTestId("step-swimlanes").locator('tr.preemption[data-lane="0"]')).toHaveCount(1);
  await page.getByTestId("step-undo").click();
  await expect(choice).toBeVisible();
  await expect(page.getByTestId("step-swimlanes").locator("tr.preemption")).toHaveCount(0);
  await early.click();
  await page.getByTestId("step-run-to-end").click();
  await expect(stepMode).toHaveAttribute("data-status", "ended");
  await expect(page.getByTestId("step-result")).toContainText(lost);
  await page.getByTestId("step-close").click();

  // The share link, in another browser: nothing runs until asked; then the schedule replays in task step mode.
  const link = await page.getByTestId("explore-share-link").inputValue();
  const other = await (await browser.newContext()).newPage();
  await openPlayground(other, link);
  const shared = other.getByTestId("shared-schedule");
  await expect(shared).toHaveAttribute("data-tasks", "true");
  await expect(shared).toContainText("a schedule of asyncio tasks");
  await expect(other.getByTestId("run-status")).toHaveAttribute("data-status", "idle");
  await other.getByTestId("shared-schedule-jump").click();
  await expect(other.getByTestId("step-mode")).toHaveAttribute("data-tasks", "true");
  await expect(other.getByTestId("step-result")).toContainText(lost);
  await other.getByTestId("step-close").click();
  await other.getByTestId("shared-schedule-step").click();
  await expect(other.getByTestId("step-plan")).toBeVisible();
  await other.getByTestId("step-play").click();
  await expect(other.getByTestId("step-result")).toContainText(lost);
  await other.context().close();
});
