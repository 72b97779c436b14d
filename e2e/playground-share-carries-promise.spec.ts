import { expect, test } from "@playwright/test";
import { openPlayground } from "./lesson-page";
import { onePageForTheFile } from "./one-page";

const STARTER_PROMISE = "result.actual === result.expected";

/** A payload as the site writes it (docs/schedules.md, "Share links"), with the playground's starter parameters. */
function payload(extra: Record<string, unknown>): string {
  const code = 'import { defineScenario } from "interleave";\nexport default defineScenario({ params: {}, setup: () => ({}), worker: () => {}, result: () => 0 });\n';
  return Buffer.from(JSON.stringify({ v: 1, code, params: {}, schedule: null, ...extra })).toString("base64url");
}

// The playground's promise is the student's own, so its share link carries it, as a lesson's carries its code.
test.describe("a playground share link carries its promise", () => {
  const studentPage = onePageForTheFile();

  test("opening the link sets the promise it was searched with, for that link only", async ({ browser }) => {
    const page = studentPage();
    const promise = "result.actual === result.expected && params.workers > 0";
    await openPlayground(page);
    await page.getByTestId("playground-promise").fill(promise);
    await page.getByTestId("explore-button").click();
    await expect(page.getByTestId("explore-result")).toHaveAttribute("data-kind", "broken", { timeout: 30_000 });
    const link = await page.getByTestId("explore-share-link").inputValue();
    expect(link).toMatch(/#\/playground\?share=/);

    // Another student, in another browser, with a promise of their own.
    const other = await (await browser.newContext()).newPage();
    await openPlayground(other);
    await other.getByTestId("playground-promise").fill("result.actual > 0");
    await other.goto(link);
    await expect(other.getByTestId("playground-promise")).toHaveValue(promise);
    await expect(other.getByTestId("share-promise-note")).toHaveCount(0);
    await expect(other.getByTestId("explore")).toContainText(`no longer holds: ${promise}`);
    await expect(other.getByTestId("shared-schedule")).toBeVisible();

    // The link's promise was for the link: the playground itself keeps theirs.
    await openPlayground(other);
    await expect(other.getByTestId("playground-promise")).toHaveValue("result.actual > 0");
    await other.context().close();
  });

  test("a link made before links carried a promise opens with the student's own, and says so", async () => {
    const page = studentPage();
    // The student's own promise: the starter's again, after the test before searched with another.
    await openPlayground(page);
    await page.getByTestId("playground-promise").fill(STARTER_PROMISE);
    await openPlayground(page, `./#/playground?share=${payload({})}`);
    await expect(page.getByTestId("share-promise-note")).toContainText("This link carries no promise");
    await expect(page.getByTestId("playground-promise")).toHaveValue(STARTER_PROMISE);
    await expect(page.getByTestId("share-problem")).toHaveCount(0);
  });

  test("a link whose promise is not text is refused as damaged, and the playground opens as usual", async () => {
    const page = studentPage();
    await openPlayground(page, `./#/playground?share=${payload({ promise: 42 })}`);
    await expect(page.getByTestId("share-problem")).toContainText("its promise is not text");
    await expect(page.getByTestId("playground-promise")).toHaveValue(STARTER_PROMISE);
    await expect(page.getByTestId("run-button")).toBeEnabled();
  });
});
