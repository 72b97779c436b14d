import { expect, test } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { loadCourse } from "../app/engine/course/course";
import { readCourseFiles } from "../scripts/lessons/course-files";
import { openLesson, run } from "./lesson-page";

const course = loadCourse(readCourseFiles(fileURLToPath(new URL("../lessons", import.meta.url))));

// Every lesson of the course, as a student first meets it: open, run with the
// defaults, and find the lesson's goals and charts. A lesson whose defaults
// show a deadlock or a misuse error on purpose ends so; none may hang.
test.describe("every lesson opens and runs with its defaults", () => {
  for (const lesson of course.lessons) {
    test(`${lesson.slug}: its run ends and its goals and charts are shown`, async ({ page }) => {
      test.setTimeout(90_000);
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await openLesson(page, lesson.slug);
      await expect(page.getByTestId("lesson-title")).toHaveText(lesson.title);
      await expect(page.getByTestId("lesson-problems")).toHaveCount(0);
      expect(["done", "deadlock", "error"]).toContain(await run(page, lesson.timeLimitMs + 10_000));
      for (const goal of lesson.goals) await expect(page.getByTestId(`goal-${goal.id}`)).toBeVisible();
      for (const [i] of lesson.charts.entries()) await expect(page.getByTestId(`chart-${i}`)).toBeVisible();
      expect(errors).toEqual([]);
    });
  }
});
