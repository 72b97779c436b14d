import { expect, test } from "@playwright/test";
import { BARE_PORT } from "../playwright.config";
import { resultValue, run, setParam } from "./lesson-page";

const bare = `http://localhost:${BARE_PORT}/#/lessons/03-race-conditions`;

test.describe("on a host that cannot send isolation headers", () => {
  test.use({ serviceWorkers: "allow" });

  test("the service-worker fallback isolates the page and runs work", async ({ page }) => {
    await page.goto(bare);
    // The service worker reloads the page once: a read during that reload finds no page, and is tried again.
    const isolated = () => page.evaluate(() => window.crossOriginIsolated).catch(() => false);
    await expect.poll(isolated, { timeout: 20_000 }).toBe(true);
    await expect(page.getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
    await setParam(page, "fix", "atomic");
    await setParam(page, "increments", 1000);
    expect(await run(page)).toBe("done");
    expect(await resultValue(page, "actual")).toBe(2000);
  });

  test("without service workers either, the lesson says why it cannot run", async ({ browser }) => {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(bare);
    await expect(page.getByTestId("isolation-notice")).toContainText("Cross-Origin-Opener-Policy");
    await expect(page.getByTestId("lesson-prose")).toBeVisible();
    await expect(page.getByTestId("run-button")).toHaveCount(0);
    await context.close();
  });
});
