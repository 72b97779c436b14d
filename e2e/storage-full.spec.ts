import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { openLesson, replaceCode, savedCode } from "./lesson-page";

const SLUG = "07-barrier";

/** Fills this origin's localStorage until it refuses even one more character: big pieces first, then ever smaller ones. */
const fillStorage = () => {
  let stored = 0;
  for (let size = 1024 * 1024; size >= 1; size = Math.floor(size / 2)) {
    const piece = "x".repeat(size);
    for (;;) {
      try {
        localStorage.setItem(`filler:${stored}`, piece);
        stored++;
      } catch {
        break;
      }
    }
  }
  return stored;
};

// Issue 12: with storage full, an edit is not saved; the student is told at once, keeps the code in the page, and can take it away.
test("with the browser's storage full, an edit says at once that it is not saved, stays in the page, downloads as a file, and a reload brings back the starter, not a stale half-edit", async ({ page }) => {
  await openLesson(page, SLUG);
  await expect(page.getByTestId("code-unsaved")).toHaveCount(0);
  expect(await page.evaluate(fillStorage)).toBeGreaterThan(0);

  const mine = `// my own note\n${readFileSync(new URL(`../lessons/${SLUG}/scenario.ts`, import.meta.url), "utf8")}`;
  await replaceCode(page, mine);
  await expect(page.getByTestId("code-unsaved")).toContainText("Your edits are not being saved");
  expect(await savedCode(page, SLUG)).toBeNull();

  // What the page holds, downloaded: the whole edit, kept though storage refused it.
  const download = page.waitForEvent("download");
  await page.getByTestId("code-download").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${SLUG}.ts`);
  // Monaco re-indents typed lines, so the file is compared by its content, first line to last.
  const kept = readFileSync(await file.path(), "utf8");
  expect(kept.startsWith("// my own note\n")).toBe(true);
  expect(kept.replace(/\s+/g, " ")).toBe(mine.replace(/\s+/g, " "));

  await page.reload();
  await expect(page.getByTestId("code-editor")).toContainText("defineScenario");
  await expect(page.getByTestId("scenario-problem")).toHaveCount(0);
  await page.evaluate(() => localStorage.clear());
});
