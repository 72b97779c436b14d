/**
 * The sources of the course's modules (course-modules.ts), from one reading
 * of lessons/ and the playground's folder on disk. Loaded through Vite's
 * module runner, as lessons:check loads the course: the engine's modules are
 * the app's own, so that a lesson is built into the page exactly as
 * `readLesson` reads it, and the page needs no YAML reader.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";
import { LESSON_FILES, type Lesson } from "../../app/engine/course/lesson";
import { loadCourse } from "../../app/engine/course/load-course";
import { readLesson } from "../../app/engine/course/read-lesson";
import { readCourseFiles } from "../lessons/course-files";
import { courseIndexSource } from "./course-index-source.ts";
import { valueSource } from "./value-source.ts";

export interface CourseSources {
  /** `virtual:course-index`: the course's index and the playground's card. */
  readonly index: string;
  /** `virtual:lesson/<slug>` of each lesson the course lists: the lesson, problems and all. */
  readonly lessons: ReadonlyMap<string, string>;
  /** `virtual:playground-lesson`: the playground read as a lesson. */
  readonly playground: string;
}

export function courseSources(lessonsDir: string, playgroundDir: string): CourseSources {
  const files = readCourseFiles(lessonsDir);
  const course = loadCourse(files);
  const playground = readPlayground(playgroundDir);
  return {
    index: courseIndexSource(files, course, playground),
    lessons: new Map(course.lessons.map((lesson) => [lesson.slug, lessonSource(lesson)])),
    playground: lessonSource(playground),
  };
}

function lessonSource(lesson: Lesson): string {
  return `export const lesson = ${valueSource(lesson)};\n`;
}

/** The lesson-like page in `playgroundDir`, named by its folder: its texts (lesson.md and its translations) and starter; no solution, no Python reference. */
function readPlayground(playgroundDir: string): Lesson {
  const slug = playgroundDir.split(sep).at(-1)!;
  const own = readdirSync(playgroundDir).filter((name) => /^lesson(\.[\w-]+)?\.md$/.test(name) || name === "scenario.ts");
  return readLesson(slug, {
    ...Object.fromEntries(LESSON_FILES.map((name) => [`${slug}/${name}`, ""])),
    ...Object.fromEntries(own.map((name) => [`${slug}/${name}`, readFileSync(join(playgroundDir, name), "utf8")])),
  });
}
