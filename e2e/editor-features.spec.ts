import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { openLesson, savedCode } from "./lesson-page";
import { onePageForTheFile } from "./one-page";

/**
 * The editor features students use, in the first editor a page makes and in
 * the next lesson's: Monaco carries a chosen few (app/ui/editor/
 * monaco-features.ts), and one whose services were registered too late
 * works in the first editor and fails in every later one.
 */
test.describe("the editor's features", () => {
  const page = onePageForTheFile();
  const problems: string[] = [];
  test.beforeAll(() => {
    page().on("pageerror", (error) => problems.push(error.message));
    page().on("console", (message) => message.type() === "error" && problems.push(message.text()));
  });
  test.afterAll(() => {
    expect(problems.filter((problem) => /UNKNOWN service|monaco|editor/i.test(problem))).toEqual([]);
  });

  for (const slug of ["03-race-conditions", "04-lock-and-rlock"]) {
    test(`in ${slug}: completions and hovers from the scenario API, find, bracket matching, typing and undo`, async () => {
      await openLesson(page(), slug);
      const editor = page().getByTestId("code-editor");
      const starter = readFileSync(new URL(`../lessons/${slug}/scenario.ts`, import.meta.url), "utf8");

      // Completion of the scenario API's names, from TypeScript's worker.
      await endOfCode(page());
      await page().keyboard.press("Enter");
      await page().keyboard.type("const probe = param.");
      await expect(editor.locator(".suggest-widget .monaco-list-row", { hasText: /^int/ }).first()).toBeVisible({ timeout: 30_000 });
      await page().keyboard.press("Escape");

      // Undo takes the typing back, a few words at a time, to the code as it was (and no further: that is where its history starts).
      await expect.poll(() => savedCode(page(), slug)).toContain("const probe = param.");
      for (let i = 0; i < 6; i++) await page().keyboard.press("ControlOrMeta+KeyZ");
      // Code back to the lesson's is not kept (null).
      await expect.poll(async () => (await savedCode(page(), slug)) ?? starter).toBe(starter);

      // A hover says what a name of the API is: the import's defineScenario, hovered from the keyboard (Ctrl+K Ctrl+I).
      await page().keyboard.press("ControlOrMeta+Home");
      for (const _ of "import { de") await page().keyboard.press("ArrowRight");
      await page().keyboard.press("ControlOrMeta+KeyK");
      await page().keyboard.press("ControlOrMeta+KeyI");
      await expect(page().locator(".monaco-hover").filter({ hasText: "function defineScenario" }).first()).toBeVisible();
      await page().keyboard.press("Escape");

      // Find, with its count of matches.
      await editor.locator(".view-lines").click();
      await page().keyboard.press("ControlOrMeta+KeyF");
      await page().keyboard.type("defineScenario");
      await expect(editor.locator(".find-widget .matchesCount")).toHaveText(/^\d+ of \d+$/);
      await page().keyboard.press("Escape");
      await expect(editor.locator(".find-widget")).not.toHaveClass(/visible/);

      // The bracket beside the cursor and its match are marked.
      await page().keyboard.press("ControlOrMeta+Home");
      for (const _ of "import {") await page().keyboard.press("ArrowRight"); // just past the import's opening brace
      await expect(editor.locator(".bracket-match")).toHaveCount(2);
    });
  }
});

/** The cursor at the end of the scenario, the editor focused. */
async function endOfCode(page: Page): Promise<void> {
  await page.getByTestId("code-editor").locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
}
