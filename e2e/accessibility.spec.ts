import { expect, test } from "@playwright/test";
import { RACE, openLesson, openPlayground, run } from "./lesson-page";
import { expectNoSeriousViolations } from "./axe";
import { onePageForTheFile } from "./one-page";

// axe-core on each kind of page the student meets: nothing it calls critical or serious.
// The tests walk one page in order (home, a lesson, its run, its Python tab, an Explore result, step mode, the playground):
// each leaves the page where the next one starts, and a fresh load per test cost seconds each.
test.describe("axe finds nothing critical or serious", () => {
  const onePage = onePageForTheFile();

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
    await page.getByTestId("tab-python").click();
    await expect(page.getByTestId("python-reference")).toHaveAttribute("data-highlighted", "true");
    await expectNoSeriousViolations(page, "the race lesson's Python tab");
    await page.getByTestId("tab-scenario").click();
  });

  test("an Explore result", async () => {
    const page = onePage();
    await page.getByTestId("explore-button").click();
    await expect(page.getByTestId("explore-result")).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(page.getByTestId("explore-share-link")).toBeVisible();
    await expectNoSeriousViolations(page, "the race lesson's Explore result");
  });

  test("step mode", async () => {
    const page = onePage();
    await page.getByTestId("step-start").click();
    await page.getByTestId("step-A").click();
    await expect(page.getByTestId("step-count")).toHaveText(/ 1 step/);
    // Each worker's line is marked in the editor: the marks are what axe should see.
    await expect(page.getByTestId("code-editor")).toHaveAttribute("data-step-lines", /\d+:\d/);
    await expectNoSeriousViolations(page, "step mode");
  });

  test("the playground", async () => {
    const page = onePage();
    await openPlayground(page);
    await expectNoSeriousViolations(page, "the playground");
  });
});
