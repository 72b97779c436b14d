/**
 * One page for all the tests of a spec file, run in order: a fresh page costs
 * seconds (the editor, the warm workers), and these tests only need a lesson
 * open. A failing test skips the rest of its file; where each test opens
 * what it needs itself (`serial: false`), the rest go on in a new worker,
 * on a new page.
 */
import { test, type Page } from "@playwright/test";

export function onePageForTheFile({ serial = true } = {}): () => Page {
  let page: Page | undefined;
  if (serial) test.describe.configure({ mode: "serial" });
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
  });
  test.afterAll(async () => {
    await page?.close();
  });
  return () => {
    if (!page) throw new Error("the file's page is not open");
    return page;
  };
}
