import { expect, test } from "@playwright/test";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { resultValue, run, setParam } from "./lesson-page";
import { onePageForTheFile } from "./one-page";
import { SPARE_PORT } from "../playwright.config";

// new-lesson.spec.ts may have its server on SPARE_PORT itself.
const PORT = SPARE_PORT + 1;
const BASE = "/course/";
const BROKEN = "31-broken-lesson";
const root = fileURLToPath(new URL("..", import.meta.url));
const site = `http://localhost:${PORT}${BASE}`;

// A course as a host like GitHub Pages serves it: built with BASE_PATH for a
// sub-path, behind a server that sends no isolation headers; and with a
// lesson its author broke, built into the course all the same.
test.describe("a course built with BASE_PATH, served under that sub-path", () => {
  const sitePage = onePageForTheFile();
  let copy = "";
  let server: ChildProcess | undefined;

  test.beforeAll(() => {
    test.setTimeout(180_000);
    copy = mkdtempSync(join(tmpdir(), "interleave-sub-path-"));
    for (const part of ["app", "lessons", "public", "scripts", "index.html", "vite.config.ts", "package.json", "tsconfig.json"]) {
      cpSync(join(root, part), join(copy, part), { recursive: true });
    }
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
    const made = spawnSync(process.execPath, ["scripts/lesson-new.mjs", BROKEN, "--unit", "1"], { cwd: copy, encoding: "utf8" });
    expect(made.status, made.stderr).toBe(0);
    // A goal with no check: the lesson still loads, carrying the problem.
    const markdown = join(copy, "lessons", BROKEN, "lesson.md");
    writeFileSync(markdown, readFileSync(markdown, "utf8").replace("    check: result.actual === 2 * result.expected\n", ""));
    // Served from `site/`, the build lives only under the sub-path: an asset asked for at the root is not found.
    const outDir = join(copy, "site", BASE);
    const built = spawnSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "error", "--outDir", outDir], {
      cwd: copy,
      encoding: "utf8",
      env: { ...process.env, BASE_PATH: BASE },
    });
    expect(built.status, built.stderr).toBe(0);
    server = spawn(process.execPath, ["scripts/serve-static.mjs", join(copy, "site"), String(PORT)], { cwd: copy, stdio: "ignore" });
  });

  test.afterAll(() => {
    server?.kill();
    rmSync(copy, { recursive: true, force: true });
  });

  test.beforeEach(async () => {
    await expect.poll(() => fetch(site).then((r) => r.ok, () => false), { timeout: 30_000 }).toBe(true);
  });

  test("a lesson runs on real workers under the sub-path", async () => {
    const page = sitePage();
    await page.goto(`${site}#/lessons/03-race-conditions`);
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
    await page.goto(`${site}#/lessons/${BROKEN}`);
    const problems = page.getByTestId("lesson-problems");
    await expect(problems).toContainText(new RegExp(`lessons/${BROKEN}/lesson\\.md:\\d+: goal "double" has no "check"`));
    await expect(page.getByTestId("lesson-prose")).toContainText("The idea");
    await page.getByTestId("lesson-link-03-race-conditions").click();
    await expect(page.getByTestId("lesson-title")).toHaveText("Race conditions");
    await expect(problems).toHaveCount(0);
    await page.goto(site);
    await expect(page.getByTestId("course-home")).toBeVisible();
    await expect(problems).toHaveCount(0);
  });
});
