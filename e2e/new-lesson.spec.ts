import { expect } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { run } from "./lesson-page";
import { BASE, NEW_LESSON, test } from "./course-copy";
import { SPARE_PORT as PORT } from "../playwright.config";

// An instructor's first lesson, end to end: scaffold it with lesson:new in a
// copy of the project, build that copy, and find the lesson in its course.
test("a lesson made with lesson:new is built into the course and runs", async ({ page, courseCopy }) => {
  // A server of its own to start, besides the page.
  test.setTimeout(120_000);
  const { dir, outDir, made, built } = courseCopy;
  let server: ChildProcess | undefined;
  try {
    expect(made[NEW_LESSON]!.stderr).toBe("");
    expect(made[NEW_LESSON]!.stdout).toContain(`Created lessons/${NEW_LESSON}/`);
    expect(built.status, built.stderr).toBe(0);
    server = spawn(process.execPath, ["node_modules/vite/bin/vite.js", "preview", "--port", String(PORT), "--strictPort", "--outDir", outDir], {
      cwd: dir,
      stdio: "ignore",
      env: { ...process.env, BASE_PATH: BASE },
    });
    const site = `http://localhost:${PORT}${BASE}`;
    await expect.poll(() => fetch(site).then((r) => r.ok, () => false), { timeout: 30_000 }).toBe(true);

    await page.goto(site);
    await page.getByTestId(`lesson-link-${NEW_LESSON}`).click();
    await expect(page.getByTestId("lesson-title")).toHaveText("My first lesson");
    await expect(page.getByTestId("lesson-problems")).toHaveCount(0);
    await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
    expect(await run(page)).toBe("done");
    await expect(page.getByTestId("goal-exact")).toHaveAttribute("data-met", "true");
    await expect(page.getByTestId("stale-translation")).toHaveCount(0);

    // Read in Chinese, its translation is older than the English: the reader is told, and can read the English.
    const chinese = await (await page.context().browser()!.newContext({ locale: "zh-CN" })).newPage();
    await chinese.goto(`${site}#/lessons/${NEW_LESSON}`);
    await expect(chinese.getByTestId("lesson-title")).toHaveText("我的第一课");
    await chinese.getByTestId("stale-translation").getByRole("button").click();
    await expect(chinese.getByTestId("lesson-title")).toHaveText("My first lesson");
    await chinese.context().close();
  } finally {
    server?.kill();
  }
});
