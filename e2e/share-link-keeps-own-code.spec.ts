import { expect, test } from "@playwright/test";
import { RACE, openLesson, replaceCode, savedCode } from "./lesson-page";
import { shareLink } from "./share-links";

const scenario = (words: string) => `// ${words}
import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: (shared) => ({ n: shared.int("n") }),
  worker: ({ n }) => {
    n.add(1);
  },
  result: ({ n }) => ({ n: n.get() }),
});
`;

test("a share link shows its code, and Back to my code brings the student's own back", async ({ page }) => {
  const own = scenario("the student's own attempt");
  const shared = scenario("a classmate's code");
  await openLesson(page);
  await replaceCode(page, own);
  // The editor indents as it is typed into: what the student has is what was saved.
  await expect.poll(() => savedCode(page)).toContain("the student's own attempt");
  const typed = await savedCode(page);
  await expect(page.getByTestId("own-code-button")).toHaveCount(0);

  await page.goto(shareLink(RACE, { code: shared, params: {}, schedule: null }));
  const editor = page.getByTestId("code-editor").locator(".view-lines");
  await expect(editor).toContainText("a classmate's code");
  await expect(page.getByTestId("own-code-button")).toBeVisible();

  await page.getByTestId("own-code-button").click();
  await expect(editor).toContainText("the student's own attempt");
  await expect.poll(() => savedCode(page)).toBe(typed);
  await expect(page.getByTestId("own-code-button")).toHaveCount(0);
});
