import { expect, test } from "@playwright/test";
import { RACE, openLesson } from "./lesson-page";

interface Loaded {
  readonly file: string;
  readonly asked: number;
}

// Each test's context is fresh, so this is a cold load: nothing cached, every chunk fetched.
test("a lesson opened cold paints before its editor, workspace and files are asked for, and they come all the same", async ({ page }) => {
  await openLesson(page, RACE);
  const { paint, scripts } = await page.evaluate(() => ({
    paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    scripts: performance
      .getEntriesByType("resource")
      .map((entry) => ({ file: new URL(entry.name).pathname.split("/").pop() ?? "", asked: entry.startTime }))
      .filter((entry) => entry.file.endsWith(".js")),
  }));
  expect(paint, "the page reported a first contentful paint").toBeDefined();
  const later = (prefix: string): Loaded[] => scripts.filter((script) => script.file.startsWith(prefix));
  for (const prefix of ["monaco-base-", "monaco-editor-browser-", "CodeEditor-", "Workspace-", `${RACE}-`]) {
    const loads = later(prefix);
    expect(loads.length, `${prefix}*.js was loaded`).toBeGreaterThan(0);
    for (const load of loads) expect(load.asked, `${load.file} asked for after the first paint (${paint} ms)`).toBeGreaterThanOrEqual(paint!);
  }
  await expect(page.getByTestId("lesson-prose")).toContainText("counter");
});
