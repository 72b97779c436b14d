import { expect, test, type Page } from "@playwright/test";
import { BARE_PORT, PORT } from "../playwright.config";
import { openLesson, run } from "./lesson-page";

/** What the page's Content-Security-Policy refused, by directive, as the page heard it. */
async function listenForViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Tries to reach another origin from the page: what the browser said. */
const reach = (page: Page, url: string) => page.evaluate((target) => fetch(target).then(() => "reached", (error: Error) => error.message), url);

test.describe("the site's Content-Security-Policy", () => {
  // The policy must let the page register its service worker (worker-src).
  test.use({ serviceWorkers: "allow" });

  test("on a host that sends headers, the page and its workers run a lesson, the editor and Explore without one refusal, and nothing connects elsewhere", async ({ page }) => {
    const violations = await listenForViolations(page);
    const response = await page.goto("./#/lessons/03-race-conditions");
    expect(response?.headers()["content-security-policy"]).toContain("connect-src 'self'");
    await openLesson(page);
    expect(await run(page)).toBe("done");
    await page.getByTestId("explore-button").click();
    await expect(page.getByTestId("explore-result")).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await page.getByTestId("tab-python").click();
    await expect(page.getByTestId("python-reference")).toHaveAttribute("data-highlighted", "true");
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
    expect(await violations()).toEqual([]);

    expect(await reach(page, `http://localhost:${BARE_PORT}/`)).not.toBe("reached");
    // The header's policy and the meta tag's each refuse it.
    expect(new Set(await violations())).toEqual(new Set([`connect-src http://localhost:${BARE_PORT}/`]));
  });

  test("on a host that sends no headers, the page's meta tag refuses other origins too", async ({ browser }) => {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const violations = await listenForViolations(page);
    const response = await page.goto(`http://localhost:${BARE_PORT}/#/lessons/03-race-conditions`);
    expect(response?.headers()["content-security-policy"]).toBeUndefined();
    await expect(page.getByTestId("lesson-prose")).toBeVisible();
    expect(await reach(page, `http://localhost:${PORT}/`)).not.toBe("reached");
    expect(await violations()).toEqual([`connect-src http://localhost:${PORT}/`]);
    await context.close();
  });
});
