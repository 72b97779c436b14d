import { expect } from "@playwright/test";
import { join } from "node:path";
import { resultValue, run, setParam } from "./lesson-page";
import { onePageForTheFile } from "./one-page";
import { BROKEN_LESSON as BROKEN, test } from "./course-copy";
import { serveStatic, type StaticServer } from "./static-server";

// A course as a host like GitHub Pages serves it: built with BASE_PATH for a
// sub-path, behind a server that sends no isolation headers; and with a
// lesson its author broke, built into the course all the same.
test.describe("a course built with BASE_PATH, served under that sub-path", () => {
  test.use({ serviceWorkers: "allow" });
  const sitePage = onePageForTheFile();
  let server: StaticServer | undefined;
  const site = () => server!.site;

  test.beforeAll(async ({ courseCopy }) => {
    const { dir, made, built } = courseCopy;
    expect(made[BROKEN]!.status, made[BROKEN]!.stderr).toBe(0);
    expect(built.status, built.stderr).toBe(0);
    server = await serveStatic(dir, join(dir, "site"));
  });

  test.afterAll(() => {
    server?.process.kill();
  });

  test("a lesson runs on real workers under the sub-path", async () => {
    const page = sitePage();
    await page.goto(`${site()}#/lessons/03-race-conditions`);
    // The service worker reloads the page once to isolate it: a read during that reload finds no page, and is tried again.
    await expect.poll(() => page.evaluate(() => window.crossOriginIsolated).catch(() => false), { timeout: 20_000 }).toBe(true);
    await expect(page.getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
    await setParam(page, "fix", "atomic");
    await setParam(page, "increments", 1000);
    expect(await run(page)).toBe("done");
    expect(await resultValue(page, "actual")).toBe(2000);
  });

  test("a broken lesson shows its problems on its own page, formatted like lessons:check; the other pages show none", async () => {
    const page = sitePage();
    await page.goto(`${site()}#/lessons/${BROKEN}`);
    const problems = page.getByTestId("lesson-problems");
    await expect(problems).toContainText(new RegExp(`lessons/${BROKEN}/lesson\\.md:\\d+: goal "double" has no "check"`));
    await expect(page.getByTestId("lesson-prose")).toContainText("The idea");
    await page.getByTestId("lesson-link-03-race-conditions").click();
    await expect(page.getByTestId("lesson-title")).toHaveText("Race conditions");
    await expect(problems).toHaveCount(0);
    await page.goto(site());
    await expect(page.getByTestId("course-home")).toBeVisible();
    await expect(problems).toHaveCount(0);
  });
});
