import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { loadCourse } from "../app/engine/course/load-course";
import { readCourseFiles } from "../scripts/lessons/course-files";
import { openLesson, replaceCode, run, savedCode, setParam } from "./lesson-page";

const course = loadCourse(readCourseFiles(fileURLToPath(new URL("../lessons", import.meta.url))));
const RACE = course.lessons.find((lesson) => lesson.slug === "03-race-conditions")!;
const home = (page: Page) => page.goto("./#/");
const acceptDialogs = (page: Page) => page.on("dialog", (dialog) => void dialog.accept());

// Issue 12: progress kept in the browser, shown on the home page and in the list; taken to another browser as one file; reset with a confirmation.
test("goals met show as progress, the home page says where to go on, and the work travels as one file and can be reset", async ({ page, browser }, info) => {
  acceptDialogs(page);
  await home(page);
  await expect(page.getByTestId("progress-next")).toHaveText(`Next lesson to take: ${course.lessons[0]!.title}`);
  await expect(page.getByTestId("progress-continue")).toHaveCount(0);

  // Every goal of the first lesson met: the list ticks it, and the next lesson is the second.
  const [first, second] = course.lessons;
  await page.evaluate(({ slug, ids }) => localStorage.setItem(`interleave:v1:goals:${slug}`, JSON.stringify(ids)), { slug: first!.slug, ids: first!.goals.map((g) => g.id) });
  await page.reload();
  await expect(page.getByTestId(`lesson-link-${first!.slug}`)).toHaveAttribute("data-complete", "true");
  await expect(page.getByTestId(`lesson-progress-${first!.slug}`)).toHaveText(`✓ ${first!.goals.length} of ${first!.goals.length} goals met`);
  await expect(page.getByTestId("progress-next")).toHaveText(`Next lesson to take: ${second!.title}`);

  await openLesson(page);
  await replaceCode(page, `${RACE.scenario}\n// mine\n`);
  await setParam(page, "fix", "lock");
  await setParam(page, "increments", 1000);
  expect(await run(page)).toBe("done");
  await expect(page.getByTestId("goal-lock-exact")).toHaveAttribute("data-met", "true");

  await home(page);
  await expect(page.getByTestId("progress-continue")).toHaveText(RACE.title);
  const progress = page.getByTestId(`lesson-progress-${RACE.slug}`);
  await expect(progress).toHaveText(new RegExp(`^[1-9]\\d* of ${RACE.goals.length} goals met$`));
  const shown = await progress.textContent();

  const download = page.waitForEvent("download");
  await page.getByTestId("progress-export").click();
  const file = info.outputPath("progress.json");
  await (await download).saveAs(file);
  const exported = JSON.parse(readFileSync(file, "utf8"));
  expect(exported.format).toBe("interleave-progress");
  expect(exported.entries[`goals:${RACE.slug}`]).toContain("lock-exact");

  // In another browser (a fresh context), the file brings everything back.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  acceptDialogs(elsewhere);
  await home(elsewhere);
  await expect(elsewhere.getByTestId(`lesson-progress-${RACE.slug}`)).toHaveText(`0 of ${RACE.goals.length} goals met`);
  await elsewhere.getByTestId("progress-file").setInputFiles(file);
  await expect(elsewhere.getByTestId(`lesson-progress-${RACE.slug}`)).toHaveText(shown!);
  expect(await savedCode(elsewhere, RACE.slug)).toContain("// mine");

  // A file that is not an export is refused, saying so, and changes nothing.
  const notExport = info.outputPath("notes.json");
  writeFileSync(notExport, JSON.stringify({ hello: 1 }));
  await elsewhere.getByTestId("progress-file").setInputFiles(notExport);
  await expect(elsewhere.getByTestId("progress-problem")).toContainText("This file is not an export of your progress");
  await expect(elsewhere.getByTestId(`lesson-progress-${RACE.slug}`)).toHaveText(shown!);

  // Reset one lesson, then the whole course.
  await openLesson(elsewhere);
  await elsewhere.getByTestId("reset-lesson").click();
  await expect(elsewhere.getByTestId("goal-lock-exact")).toHaveAttribute("data-met", "false");
  expect(await savedCode(elsewhere, RACE.slug)).toBeNull();
  await other.close();

  await home(page);
  await page.getByTestId("progress-reset").click();
  await expect(page.getByTestId(`lesson-progress-${RACE.slug}`)).toHaveText(`0 of ${RACE.goals.length} goals met`);
  await expect(page.getByTestId("progress-continue")).toHaveCount(0);
});
