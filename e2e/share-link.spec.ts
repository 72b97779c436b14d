import { expect, test } from "@playwright/test";
import { encodeShare } from "../app/engine/explore/share";
import { openLesson } from "./lesson-page";
import { onePageForTheFile } from "./one-page";

test.describe("share links", () => {
  const lessonPage = onePageForTheFile();

  // A second tab in the same browser: Playwright opens none beside the file's page (browser.newPage), so this test has pages of its own.
  test("a share link carries the code, parameters and failing schedule; nothing runs until the student steps through it", async ({ page, context }) => {
    await openLesson(page);
    await page.getByTestId("explore-button").click();
    await expect(page.getByTestId("explore-result")).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    const link = await page.getByTestId("explore-share-link").inputValue();

    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByTestId("shared-schedule")).toBeVisible();
    await expect(other.getByTestId("param-increments")).toHaveValue("3");
    await expect(other.getByTestId("run-status")).toHaveAttribute("data-status", "idle");
    await other.getByTestId("shared-schedule-jump").click();
    // The found schedule's lost update, in a finished run's result (an error would show no result at all).
    const lostSome = /^Every worker has finished\. Result: \{"expected":6,"actual":[1-5],"lost":[1-5]\}$/;
    await expect(other.getByTestId("step-result")).toHaveText(lostSome);
    // Or from its first step, following it.
    await other.getByTestId("step-close").click();
    await other.getByTestId("shared-schedule-step").click();
    await expect(other.getByTestId("step-plan")).toBeVisible();
    await other.getByTestId("step-play").click();
    await expect(other.getByTestId("step-result")).toHaveText(lostSome);

    // The link's small parameters were for the link: the lesson itself keeps the student's own.
    await other.goto(link.replace(/\?share=.*$/, ""));
    await expect(other.getByTestId("param-increments")).toHaveValue("2000000");
  });

  test("a malformed share link says so, and the lesson opens as usual", async () => {
    const page = lessonPage();
    await page.goto("./#/lessons/03-race-conditions?share=eyJ2IjoxLCJjb2RlIjoi");
    await expect(page.getByTestId("share-problem")).toContainText("damaged or cut short");
    await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
    await expect(page.getByTestId("run-button")).toBeEnabled();
    await expect(page.getByTestId("shared-schedule")).toHaveCount(0);
  });

  test("a link made on one lesson and opened on another is refused, naming its lesson, and opens there from the message", async () => {
    const page = lessonPage();
    const payload = encodeShare({ lesson: "03-race-conditions", code: "// shared from the race lesson\nexport default 1;\n", params: {}, schedule: null });
    await page.goto(`./#/lessons/05-semaphore?share=${payload}`);
    await expect(page.getByTestId("share-problem")).toContainText('This share link was made on the lesson "Race conditions", not on this page');
    await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
    await expect(page.getByTestId("code-editor")).not.toContainText("shared from the race lesson");
    await page.getByTestId("share-open-at").click();
    await expect(page.getByTestId("lesson-title")).toHaveText("Race conditions");
    await expect(page.getByTestId("code-editor")).toContainText("shared from the race lesson");
    await expect(page.getByTestId("share-problem")).toHaveCount(0);
  });

  test("a well-formed link too large to open says too large, not damaged", async () => {
    const page = lessonPage();
    const payload = encodeShare({ lesson: "03-race-conditions", code: "x".repeat(90_000), params: {}, schedule: null });
    await page.goto(`./#/lessons/03-race-conditions?share=${payload}`);
    await expect(page.getByTestId("share-problem")).toContainText("This share link is too large to open (121 KB; at most 100 KB)");
    await expect(page.getByTestId("run-button")).toBeEnabled();
  });
});
