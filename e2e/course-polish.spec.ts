import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { loadCourse } from "../app/engine/course/load-course";
import { readCourseFiles } from "../scripts/lessons/course-files";
import { onePageForTheFile } from "./one-page";
import { openLesson, replaceCode, run } from "./lesson-page";

const course = loadCourse(readCourseFiles(fileURLToPath(new URL("../lessons", import.meta.url))));

// Issue 12's polish: what a student notices on the first pages.
// In this order on one page: the chart's test needs the lesson's first runs, and the long line, which is no scenario, comes last.
const page = onePageForTheFile();

test("the home page numbers the lessons 1 to N across units, as the nav does, and renders the summaries' markdown", async () => {
  await page().goto("./#/");
  for (const [i, lesson] of course.lessons.entries()) {
    await expect(page().getByTestId(`lesson-card-${lesson.slug}`).locator("strong")).toHaveText(`${i + 1}. ${lesson.title}`);
  }
  const cards = page().getByTestId("course-home");
  await expect(cards).not.toContainText("`");
  // Lesson 6's summary names `if` and `while` in backticks: they show as code.
  await expect(page().getByTestId("lesson-card-06-event-and-condition").locator("code")).toHaveText(["if", "while"]);

  const nav = page().getByTestId("course-nav");
  for (const unit of course.units) {
    const first = unit.lessons[0];
    if (!first) continue;
    const list = nav.locator("ol", { has: page().getByTestId(`lesson-link-${first.slug}`) });
    await expect(list).toHaveAttribute("start", String(course.lessons.indexOf(first) + 1));
  }
});

test("a markdown table in a lesson's prose is a table", async () => {
  await openLesson(page(), "14-rate-limiting-and-backpressure");
  const table = page().getByTestId("lesson-prose").locator("table").first();
  await expect(table.locator("th")).toHaveText(["Limiter", "What it caps", "What the excess gets"]);
  await expect(table.locator("tbody tr")).toHaveCount(4);
});

test("a chart across runs with one point says to run again, and stops saying so after the second run", async () => {
  await openLesson(page(), "03-race-conditions");
  const trend = page().getByTestId("charts").locator("figure", { hasText: "across runs" }).first();
  expect(await run(page())).toBe("done");
  await expect(trend.getByTestId("chart-one-point")).toHaveText("One run so far: run again to see a trend.");
  expect(await run(page())).toBe("done");
  await expect(trend).toHaveAttribute("data-points", "2");
  await expect(trend.getByTestId("chart-one-point")).toHaveCount(0);
});

test("Step and Explore are styled as the Run button is, not as the browser's own buttons", async () => {
  await openLesson(page());
  const style = (testId: string) =>
    page().getByTestId(testId).evaluate((button) => {
      const css = getComputedStyle(button);
      return { font: css.fontFamily, radius: css.borderRadius, cursor: css.cursor };
    });
  const runButton = await style("run-button");
  for (const testId of ["step-start", "explore-button"]) expect(await style(testId)).toEqual(runButton);
});

test("the Python tab highlights the reference, and Copy puts the whole file on the clipboard", async () => {
  await page().context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openLesson(page());
  await page().getByTestId("tab-python").click();
  const reference = page().getByTestId("python-reference");
  await expect(reference).toHaveAttribute("data-highlighted", "true");
  await expect(reference.locator(".tok-keyword", { hasText: /^import$/ }).first()).toBeVisible();
  await expect(reference.locator(".tok-comment").first()).toBeVisible();
  const file = readFileSync(fileURLToPath(new URL("../lessons/03-race-conditions/reference.py", import.meta.url)), "utf8");
  await page().getByTestId("python-copy").click();
  await expect(page().getByTestId("python-copied")).toHaveText("Copied.");
  expect(await page().evaluate(() => navigator.clipboard.readText())).toBe(file);
  // Back to the editor, for the next test.
  await page().getByTestId("tab-scenario").click();
});

test("the editor wraps a long line instead of hiding its end", async () => {
  await openLesson(page());
  const long = `const note = "${"a long string that runs on and on ".repeat(12)}";`;
  await replaceCode(page(), `${long}\nexport default 1;\n`);
  const lines = page().getByTestId("code-editor").locator(".view-line");
  // Two lines of code, the first drawn over several rows.
  await expect.poll(() => lines.count()).toBeGreaterThan(3);
});
