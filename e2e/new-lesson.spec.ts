import { expect, test } from "@playwright/test";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "./lesson-page";
import { SPARE_PORT as PORT } from "../playwright.config";

const root = fileURLToPath(new URL("..", import.meta.url));

// An instructor's first lesson, end to end: scaffold it with lesson:new in a
// copy of the project, build that copy, and find the lesson in its course.
test("a lesson made with lesson:new is built into the course and runs", async ({ page }) => {
  test.setTimeout(240_000);
  const copy = mkdtempSync(join(tmpdir(), "interleave-new-lesson-"));
  let server: ChildProcess | undefined;
  try {
    for (const part of ["app", "lessons", "public", "scripts", "index.html", "vite.config.ts", "package.json", "tsconfig.json"]) {
      cpSync(join(root, part), join(copy, part), { recursive: true });
    }
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
    const made = spawnSync(process.execPath, ["scripts/lesson-new.mjs", "30-my-first-lesson", "--unit", "1"], { cwd: copy, encoding: "utf8" });
    expect(made.stderr).toBe("");
    expect(made.stdout).toContain("Created lessons/30-my-first-lesson/");
    const built = spawnSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "error"], { cwd: copy, encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);
    server = spawn(process.execPath, ["node_modules/vite/bin/vite.js", "preview", "--port", String(PORT), "--strictPort"], { cwd: copy, stdio: "ignore" });
    await expect.poll(() => fetch(`http://localhost:${PORT}/`).then((r) => r.ok, () => false), { timeout: 30_000 }).toBe(true);

    await page.goto(`http://localhost:${PORT}/`);
    await page.getByTestId("lesson-link-30-my-first-lesson").click();
    await expect(page.getByTestId("lesson-title")).toHaveText("My first lesson");
    await expect(page.getByTestId("lesson-problems")).toHaveCount(0);
    await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
    expect(await run(page)).toBe("done");
    await expect(page.getByTestId("goal-exact")).toHaveAttribute("data-met", "true");
  } finally {
    server?.kill();
    rmSync(copy, { recursive: true, force: true });
  }
});
