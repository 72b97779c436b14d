import { expect, test } from "@playwright/test";
import { RACE, openLesson, run } from "./lesson-page";
import { expectNoSeriousViolations } from "./axe";
import { onePageForTheFile } from "./one-page";

// axe-core on each kind of page the student meets: nothing it calls critical or serious.
test.describe("axe finds nothing critical or serious", () => {
  const onePage = onePageForTheFile({ serial: false });

  // Each state from a fresh load: step mode or a search left by the test before would hold the page's controls.
  test.beforeEach(async () => {
    await onePage().goto("about:blank");
  });

  test("the home page", async () => {
    const page = onePage();
    await page.goto("./#/");
    await expect(page.getByTestId("course-home")).toBeVisible();
    await expectNoSeriousViolations(page, "the home page");
  });

  test("a lesson, before and after a run", async () => {
    const page = onePage();
    await openLesson(page, RACE);
    await expectNoSeriousViolations(page, "the race lesson before a run");
    expect(await run(page)).toBe("done");
    await expect(page.getByTestId("chart-0")).not.toHaveAttribute("data-points", "0");
    await expectNoSeriousViolations(page, "the race lesson after a run");
  });

  test("the Python tab", async () => {
    const page = onePage();
    await openLesson(page, RACE);
    await page.getByTestId("tab-python").click();
    await expect(page.getByTestId("python-reference")).toHaveAttribute("data-highlighted", "true");
    await expectNoSeriousViolations(page, "the race lesson's Python tab");
  });

  test("step mode", async () => {
    const page = onePage();
    await openLesson(page, RACE);
    await page.getByTestId("step-start").click();
    await page.getByTestId("step-A").click();
    await expect(page.getByTestId("step-count")).toHaveText(/ 1 step/);
    // Each worker's line is marked in the editor: the marks are what axe should see.
    await expect(page.getByTestId("code-editor")).toHaveAttribute("data-step-lines", /\d+:\d/);
    await expectNoSeriousViolations(page, "step mode");
  });

  test("an Explore result", async () => {
    const page = onePage();
    await openLesson(page, RACE);
    await page.getByTestId("explore-button").click();
    await expect(page.getByTestId("explore-result")).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(page.getByTestId("explore-share-link")).toBeVisible();
    await expectNoSeriousViolations(page, "the race lesson's Explore result");
  });

  test("the playground", async () => {
    const page = onePage();
    await page.goto("./#/playground");
    await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
    await expectNoSeriousViolations(page, "the playground");
  });
});
