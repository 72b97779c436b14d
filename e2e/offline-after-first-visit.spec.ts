import { expect, type Page } from "@playwright/test";
import { cpSync, readFileSync, readdirSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { run, setParam, resultValue } from "./lesson-page";
import { BASE, test } from "./course-copy";
import { reachable, serveStatic } from "./static-server";

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

const isolated = (page: Page) => page.evaluate(() => window.crossOriginIsolated).catch(() => false);

/** Waits for the lesson `slug` to be drawn with its editor and parameters. */
async function lessonReady(page: Page, slug: string): Promise<void> {
  await expect(page.getByTestId(`lesson-link-${slug}`)).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
  await expect(page.getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
}

/** The first visit: the lesson opens, and the worker reloads the page once to isolate it (a read during that reload finds no page, and is tried again). */
async function firstVisit(page: Page, site: string): Promise<void> {
  await page.goto(`${site}#/lessons/03-race-conditions`);
  await expect.poll(() => isolated(page), { timeout: 30_000 }).toBe(true);
  await lessonReady(page, "03-race-conditions");
  await expect(page.getByTestId("offline-notice")).toHaveAttribute("data-state", "offline-ready");
}

// A student on a train: the course, built for a sub-path and served with no
// special headers, visited once; then the network is cut (the server stopped
// as well as the browser offline, so that nothing can reach it), and a lesson
// never opened runs, steps and explores from the service worker's cache.
test("after one visit, with the network cut, the course opens, and a lesson never opened runs, steps and explores", async ({ browser, courseCopy }) => {
  test.setTimeout(120_000);
  const { dir, outDir, built } = courseCopy;
  expect(built.status, built.stderr).toBe(0);
  const { process: server, site } = await serveStatic(dir, join(dir, "site"));
  const context = await browser.newContext({ serviceWorkers: "allow" });
  try {
    const page = await context.newPage();

    await test.step("the first visit: a lesson runs, and the worker has cached the whole build", async () => {
      await firstVisit(page, site);
      await setParam(page, "fix", "atomic");
      await setParam(page, "increments", 1000);
      expect(await run(page)).toBe("done");
      expect(await resultValue(page, "actual")).toBe(2000);
      await expect(page.getByTestId("offline-notice")).toHaveText("Available offline");
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe("activated");
      expect(await cachedPaths(page)).toEqual([builtFiles(outDir)]);
    });

    await test.step("the network is cut: the server stops, and the browser is offline", async () => {
      server.kill();
      await expect.poll(() => reachable(site)).toBe(false);
      await context.setOffline(true);
      // What the page asks for that the cache lacks goes to the network through the worker, and fails.
      const probe = await page.evaluate(() => fetch(`./sw.js?probe=${Date.now()}`).then(() => "reached", () => "failed"));
      expect(probe).toBe("failed");
    });

    await test.step("offline, the page reloads isolated, with the course's index", async () => {
      await page.reload();
      await expect.poll(() => isolated(page)).toBe(true);
      await lessonReady(page, "03-race-conditions");
      await page.getByRole("link", { name: "Interleave" }).click();
      await expect(page.getByTestId("course-home")).toBeVisible();
      await expect(page.getByTestId("lesson-card-18-deadlock")).toBeVisible();
    });

    await test.step("offline, a lesson never opened runs, with its charts and its Python", async () => {
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
    server.kill();
    await context.close();
  }
});

/**
 * A second deploy of the build in `site`, made without building again: its
 * page marked, its worker given another build id (as a change to any file
 * would give it). Its hashed files are the first's, as after a deploy that
 * changed none of them.
 */
function secondDeploy(dir: string): string {
  const site = join(dir, "site-2");
  cpSync(join(dir, "site"), site, { recursive: true });
  const page = join(site, BASE, "index.html");
  writeFileSync(page, readFileSync(page, "utf8").replace("</head>", '<meta name="deploy" content="second"></head>'));
  const worker = join(site, BASE, "sw.js");
  const source = readFileSync(worker, "utf8");
  const id = /build ([0-9a-f]{16})/.exec(source)![1]!;
  writeFileSync(worker, source.replaceAll(id, [...id].reverse().join("")));
  return site;
}

/** Points the link `live` at `target` in one step, as a host switches deploys. */
function publish(live: string, target: string): void {
  symlinkSync(target, `${live}.next`);
  renameSync(`${live}.next`, live);
}

const deployOf = (page: Page) => page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[name="deploy"]')?.content ?? "first");

// A deploy while a student has the course: the new build's worker installs
// beside the old one and waits, the page says so, and Reload brings the new
// one in, whose activation deletes the old build's cache.
test("a new deploy reaches a student who visited before: it waits until the page asks, then replaces the old build and its cache", async ({ browser, courseCopy }) => {
  test.setTimeout(120_000);
  const { dir, built } = courseCopy;
  expect(built.status, built.stderr).toBe(0);
  const live = join(dir, "live");
  publish(live, join(dir, "site"));
  const { process: server, site } = await serveStatic(dir, live);
  const context = await browser.newContext({ serviceWorkers: "allow" });
  try {
    const page = await context.newPage();
    await firstVisit(page, site);
    expect(await cachedPaths(page)).toHaveLength(1);

    publish(live, secondDeploy(dir));
    await page.reload();
    // The page comes from the network, so is the new one; the new worker has cached its build and waits.
    expect(await deployOf(page)).toBe("second");
    const notice = page.getByTestId("offline-notice");
    await expect(notice).toHaveAttribute("data-state", "update-ready", { timeout: 30_000 });
    await expect(notice).toHaveText("A new version is ready. Reload");
    expect(await cachedPaths(page)).toHaveLength(2);

    await page.getByTestId("update-reload").click();
    await expect.poll(() => cachedPaths(page).catch(() => [])).toHaveLength(1);
    await expect(notice).toHaveAttribute("data-state", "none");
    expect(await deployOf(page)).toBe("second");
    await expect.poll(() => isolated(page)).toBe(true);
  } finally {
    server.kill();
    await context.close();
  }
});
