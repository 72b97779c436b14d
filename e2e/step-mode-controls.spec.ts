import { expect, test, type Page } from "@playwright/test";
import { openLesson, replaceCode } from "./lesson-page";
import { onePageForTheFile } from "./one-page";

const lessonPage = onePageForTheFile();

test.beforeAll(async () => {
  await openLesson(lessonPage());
});

/** The one timed wait of these specs: A waits at most 50 ms for B's event. */
const timedWait = `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: (shared) => ({ ready: shared.event("ready"), timedOut: shared.int("timedOut") }),
  worker: ({ ready, timedOut }, { id }) => {
    if (id === 1) ready.set();
    else if (!ready.wait(0.05)) timedOut.set(1);
  },
  result: ({ timedOut }) => ({ timedOut: timedOut.get() }),
});
`;

const stepCount = (page: Page) => page.getByTestId("step-count");
const stepsTaken = async (page: Page) => Number(/\d+/.exec((await stepCount(page).textContent()) ?? "")?.[0]);

test("explore's failure: Go to the failure opens step mode at its end; Restart offers the schedule from its first step; Pause stops playing it; Leave step mode ends it", async () => {
  const page = lessonPage();
  await page.getByTestId("explore-button").click();
  await expect(page.getByTestId("explore-result")).toHaveAttribute("data-found", "true", { timeout: 30_000 });
  const steps = Number(await page.getByTestId("explore-swimlanes").getAttribute("data-steps"));
  expect(steps).toBeGreaterThan(4);

  await page.getByTestId("explore-jump").click();
  await expect(page.getByTestId("step-mode")).toHaveAttribute("data-status", "ended");
  await expect(stepCount(page)).toHaveText(` ${steps} steps`);
  // The lesson's step parameters: 2 workers, 3 increments each; the schedule loses at least one.
  await expect(page.getByTestId("step-result")).toContainText(/"expected":6,"actual":[1-5],"lost":[1-5]/);

  await page.getByTestId("step-restart").click();
  await expect(stepCount(page)).toHaveText(" 0 steps");
  await expect(page.getByTestId("step-mode")).toHaveAttribute("data-status", "stepping");
  await expect(page.getByTestId("step-value-counter")).toHaveText("0");
  await expect(page.getByTestId("step-plan")).toContainText(`${steps} of ${steps} steps to go`);

  await page.getByTestId("step-play").click();
  await expect.poll(() => stepsTaken(page)).toBeGreaterThanOrEqual(2);
  await page.getByTestId("step-pause").click();
  await expect(page.getByTestId("step-play")).toBeVisible();
  // A step under way when Pause was pressed may still land; after that, nothing moves.
  await page.waitForTimeout(750);
  const paused = await stepsTaken(page);
  expect(paused).toBeLessThan(steps);
  await page.waitForTimeout(1_000);
  expect(await stepsTaken(page)).toBe(paused);
  await expect(page.getByTestId("step-plan")).toContainText(`${steps - paused} of ${steps} steps to go`);

  await page.getByTestId("step-close").click();
  await expect(page.getByTestId("step-mode")).toHaveAttribute("data-status", "off");
});

test("in step mode the student ends a timed wait by its timeout, and the waiting worker sees it time out", async () => {
  const page = lessonPage();
  await replaceCode(page, timedWait);
  await page.getByTestId("step-start").click();
  // A's first step brings it to its wait, the second makes it wait.
  await page.getByTestId("step-A").click();
  await expect(page.getByTestId("step-worker-A")).toContainText("will next: waits on event ready");
  await page.getByTestId("step-A").click();
  // A waits on the unset event: it cannot move, but its wait can end by its timeout, before B sets the event.
  await expect(page.getByTestId("step-worker-A")).toContainText("is blocked, waiting on event ready");
  await expect(page.getByTestId("step-A")).toBeDisabled();
  await page.getByTestId("step-timeout-A").click();
  await expect(page.getByTestId("step-last")).toContainText("A times out waiting on event ready");
  await expect(page.getByTestId("step-timeout-A")).toHaveCount(0);
  await page.getByTestId("step-run-to-end").click();
  await expect(page.getByTestId("step-result")).toContainText('{"timedOut":1}');
  await page.getByTestId("step-close").click();
});

/** Two workers with 3,000 increments each: some 12,000 steps, more than Run to end takes at once. */
const longRun = `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: (shared) => ({ counter: shared.int("counter") }),
  worker: ({ counter }) => {
    for (let i = 0; i < 3000; i++) counter.set(counter.get() + 1);
  },
  result: ({ counter }) => ({ counter: counter.get() }),
});
`;

test("Run to end stops at 10,000 steps and says so; pressed again, it takes the run to its end", async () => {
  const page = lessonPage();
  await replaceCode(page, longRun);
  await page.getByTestId("step-start").click();
  await page.getByTestId("step-run-to-end").click();
  await expect(page.getByTestId("step-capped")).toHaveText(/^Run to end stopped after 10,000 steps, and the workers have not finished\. Press it again/, { timeout: 30_000 });
  await expect(stepCount(page)).toHaveText(" 10000 steps");
  await expect(page.getByTestId("step-mode")).toHaveAttribute("data-status", "stepping");
  await page.getByTestId("step-run-to-end").click();
  await expect(page.getByTestId("step-result")).toContainText('{"counter":', { timeout: 30_000 });
  await expect(page.getByTestId("step-capped")).toHaveCount(0);
  await page.getByTestId("step-close").click();
});
