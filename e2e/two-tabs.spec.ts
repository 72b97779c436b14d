import { expect, test, type Page } from "@playwright/test";
import { openLesson, replaceCode, savedCode } from "./lesson-page";

const SLUG = "07-barrier";
const code = (note: string) => `// ${note}\nimport { defineScenario } from "interleave";\nexport default defineScenario({ params: {}, workers: 1, setup: () => ({}), worker: () => {}, result: () => 0 });\n`;
const typeOneCharacter = async (page: Page) => {
  await page.getByTestId("code-editor").locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("x");
};

// Issue 12: two tabs of one lesson. The last writer no longer wins silently: the other tab is told, and chooses.
test("an edit in one tab is noticed in the other, which saves nothing over it until the student loads it or keeps their own", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openLesson(first, SLUG);
  await openLesson(second, SLUG);

  await replaceCode(second, code("the second tab's work"));
  await expect.poll(() => savedCode(second, SLUG)).toBe(code("the second tab's work"));
  await expect(first.getByTestId("other-tab")).toContainText("changed in another tab");
  // A keystroke in the first tab would have overwritten the second tab's code: it no longer does.
  await typeOneCharacter(first);
  await first.waitForTimeout(300);
  expect(await savedCode(first, SLUG)).toBe(code("the second tab's work"));

  await first.getByTestId("other-tab-load").click();
  await expect(first.getByTestId("code-editor")).toContainText("the second tab's work");
  await expect(first.getByTestId("other-tab")).toHaveCount(0);

  // Or the other way: the first tab keeps its own, knowingly.
  await replaceCode(second, code("the second tab, again"));
  await expect(first.getByTestId("other-tab")).toBeVisible();
  await first.getByTestId("other-tab-keep").click();
  await expect(first.getByTestId("other-tab")).toHaveCount(0);
  await typeOneCharacter(first);
  await expect.poll(() => savedCode(first, SLUG)).toContain("the second tab's work");
  await expect(second.getByTestId("other-tab")).toBeVisible();
});
