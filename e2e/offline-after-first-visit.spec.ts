import { expect, type Page } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { run, setParam, resultValue } from "./lesson-page";
import { BASE, test } from "./course-copy";
import { SPARE_PORT } from "../playwright.config";

// new-lesson.spec.ts and sub-path-build.spec.ts have theirs on SPARE_PORT and SPARE_PORT + 1.
const PORT = SPARE_PORT + 2;
const site = `http://localhost:${PORT}${BASE}`;
const reachable = () => fetch(site).then((r) => r.ok, () => false);

/** What the service worker should hold: every file of the build but itself, `_headers` and compressed copies, by path. */
function builtFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((file) => file !== "sw.js" && file !== "_headers" && !/\.(br|gz|map)$/.test(file))
    .map((file) => `${BASE}${file}`)
    .sort();
}

/** The paths in this scope's caches, by cache. */
const cachedPaths = (page: Page) =>
  page.evaluate(async (base) => {
    const ours = (await caches.keys()).filter((name) => name.startsWith(`interleave:${base}:`));
    return Promise.all(ours.map(async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname).sort()));
  }, BASE);

/** Waits for the lesson `slug` to be drawn with its editor and parameters. */
async function lessonReady(page: Page, slug: string): Promise<void> {
  await expect(page.getByTestId(`lesson-link-${slug}`)).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
  await expect(page.getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
}

// A student on a train: the course, built for a sub-path and served with no
// special headers, visited once; then the network is cut (the server stopped
// as well as the browser offline, so that nothing can reach it), and a lesson
// never opened runs, steps and explores from the service worker's cache.
test("after one visit, with the network cut, the course opens, and a lesson never opened runs, steps and explores", async ({ browser, courseCopy }) => {
  test.setTimeout(120_000);
  const { dir, outDir, built } = courseCopy;
  expect(built.status, built.stderr).toBe(0);
  let server: ChildProcess | undefined = spawn(process.execPath, ["scripts/serve-static.mjs", join(dir, "site"), String(PORT)], { cwd: dir, stdio: "ignore" });
  const context = await browser.newContext({ serviceWorkers: "allow" });
  try {
    await expect.poll(reachable, { timeout: 30_000 }).toBe(true);
    const page = await context.newPage();

    await test.step("the first visit: a lesson runs, and the worker caches the whole build", async () => {
      await page.goto(`${site}#/lessons/03-race-conditions`);
      // The worker reloads the page once to isolate it: a read during that reload finds no page, and is tried again.
      await expect.poll(() => page.evaluate(() => window.crossOriginIsolated).catch(() => false), { timeout: 30_000 }).toBe(true);
      await lessonReady(page, "03-race-conditions");
      await setParam(page, "fix", "atomic");
      await setParam(page, "increments", 1000);
      expect(await run(page)).toBe("done");
      expect(await resultValue(page, "actual")).toBe(2000);
      await expect(page.getByTestId("offline-notice")).toHaveText("Available offline");
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe("activated");
      expect(await cachedPaths(page)).toEqual([builtFiles(outDir)]);
    });

    await test.step("the network is cut: the server stops, and the browser is offline", async () => {
      server?.kill();
      server = undefined;
      await expect.poll(reachable).toBe(false);
      await context.setOffline(true);
      // What the page asks for that the cache lacks goes to the network through the worker, and fails.
      const probe = await page.evaluate(() => fetch(`./sw.js?probe=${Date.now()}`).then(() => "reached", () => "failed"));
      expect(probe).toBe("failed");
    });

    await test.step("offline, the page reloads isolated, with the course's index", async () => {
      await page.reload();
      await expect.poll(() => page.evaluate(() => window.crossOriginIsolated).catch(() => false)).toBe(true);
      await lessonReady(page, "03-race-conditions");
      await page.getByRole("link", { name: "Interleave" }).click();
      await expect(page.getByTestId("course-home")).toBeVisible();
      await expect(page.getByTestId("lesson-card-18-deadlock")).toBeVisible();
    });

    await test.step("offline, a lesson never opened runs, with its charts", async () => {
      await page.getByTestId("lesson-link-18-deadlock").click();
      await lessonReady(page, "18-deadlock");
      await expect(page.getByTestId("lesson-prose")).toContainText("deadlock");
      expect(await run(page)).toBe("deadlock");
      await expect(page.getByTestId("run-deadlock")).toContainText(/Deadlock: [AB] waits for lock account \d held by [AB]/);
      await expect(page.getByTestId("chart-0")).toBeVisible();
      await page.getByTestId("tab-python").click();
      await expect(page.getByTestId("python-reference")).toHaveAttribute("data-highlighted", "true");
      await page.getByTestId("tab-scenario").click();
    });

    await test.step("offline, step mode steps it", async () => {
      await page.getByTestId("step-start").click();
      await expect(page.getByTestId("step-A")).toBeEnabled();
      await page.getByTestId("step-A").click();
      await expect(page.getByTestId("step-count")).toHaveText(/ 1 step$/);
      await expect(page.getByTestId("step-worker-A")).toContainText("will next");
      await page.getByTestId("step-close").click();
    });

    await test.step("offline, Explore finds the deadlock", async () => {
      await page.getByTestId("explore-button").click();
      const result = page.getByTestId("explore-result");
      await expect(result).toHaveAttribute("data-kind", "deadlock", { timeout: 30_000 });
      await expect(result).toContainText(/Deadlock: A waits for lock account \d held by B, which waits for lock account \d held by A\./);
    });
  } finally {
    server?.kill();
    await context.close();
  }
});
