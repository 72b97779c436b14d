import { expect, test, type Locator } from "@playwright/test";
import { openLesson } from "./lesson-page";
import { onePageForTheFile } from "./one-page";

/** Off screen until focused: a link clipped to a pixel is there for a screen reader, not for the eye. */
/** The link's width on the page; a link that is gone fails, rather than reading as hidden. */
async function shownWidth(link: Locator): Promise<number> {
  const box = await link.boundingBox();
  if (box === null) throw new Error("the skip link is not on the page");
  return box.width;
}

// Skip links: from the top of a lesson page, past the header and the lesson list, to the editor and the run controls.
test.describe("skip links and the keyboard", () => {
  const lessonPage = onePageForTheFile({ serial: false });

  test.beforeEach(async () => {
    const page = lessonPage();
    await openLesson(page);
    // A fresh load puts the focus at the page's start, whatever the last test focused.
    await page.reload();
    await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
  });

  test("the first Tab stop is the link to the editor, shown while focused, and Enter puts the focus in the editor", async () => {
    const page = lessonPage();
    const link = page.getByTestId("skip-editor");
    await page.keyboard.press("Tab");
    await expect(link).toBeFocused();
    await expect(link).toHaveText("Skip to the code editor");
    expect(await shownWidth(link)).toBeGreaterThan(20);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("code-editor").locator(":focus")).toHaveCount(1);
    expect(await shownWidth(link)).toBeLessThanOrEqual(1);
  });

  test("the link to the editor brings it back from behind the Python tab", async () => {
    const page = lessonPage();
    await page.getByTestId("tab-python").click();
    await expect(page.getByTestId("python-reference")).toBeVisible();
    await page.getByTestId("skip-editor").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("tab-scenario")).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("code-editor").locator(":focus")).toHaveCount(1);
  });

  test("Tab, Tab, Enter reach Run, and Enter on Run runs the lesson", async () => {
    const page = lessonPage();
    const status = page.getByTestId("run-status");
    const runsBefore = Number(await status.getAttribute("data-runs"));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("skip-run")).toBeFocused();
    await expect(page.getByTestId("skip-run")).toHaveText("Skip to the run controls");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("run-button")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(status).toHaveAttribute("data-runs", String(runsBefore + 1), { timeout: 30_000 });
    await expect(status).toHaveAttribute("data-status", "done");
  });

  test("no skip links on the home page, where there is no editor", async () => {
    const page = lessonPage();
    await page.goto("./#/");
    await expect(page.getByTestId("course-home")).toBeVisible();
    await expect(page.getByTestId("skip-editor")).toHaveCount(0);
    await expect(page.getByTestId("skip-run")).toHaveCount(0);
  });

  test("the link to the editor is on the page from the moment the editor is: a Tab pressed as the editor appears reaches it", async ({ page }) => {
    // A fresh page of its own: the script below must watch the page from its start.
    await page.addInitScript(() => {
      const seen: { lines?: number; link?: number } = {};
      Object.assign(window, { seen });
      let changes = 0;
      new MutationObserver(() => {
        changes++;
        seen.lines ??= document.querySelector(".view-lines") ? changes : undefined;
        seen.link ??= document.querySelector("[data-testid=skip-editor]") ? changes : undefined;
      }).observe(document, { childList: true, subtree: true });
    });
    await openLesson(page);
    const seen = await page.evaluate(() => (window as unknown as { seen: { lines?: number; link?: number } }).seen);
    // Counted in the observer's calls, one per task that changed the page: the link no later than the editor's lines.
    expect(seen.lines).toBeDefined();
    expect(seen.link).toBeLessThanOrEqual(seen.lines!);
  });
});
