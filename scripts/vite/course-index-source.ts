/**
 * The source of `virtual:course-index` (course-index.ts), from lessons/ and
 * the playground's folder on disk. Loaded through Vite's module runner, as
 * lessons:check loads the course: the engine's modules are the app's own.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";
import { courseIndex, lessonEntry } from "../../app/engine/course/course";
import { LESSON_FILES } from "../../app/engine/course/lesson";
import { loadCourse } from "../../app/engine/course/load-course";
import { readLesson } from "../../app/engine/course/read-lesson";
import { readCourseFiles } from "../lessons/course-files";

/** The course's index, and the card of the lesson-like page in `playgroundDir`, named by its folder. */
export function courseIndexSource(lessonsDir: string, playgroundDir: string): string {
  const course = courseIndex(loadCourse(readCourseFiles(lessonsDir)));
  const slug = playgroundDir.split(sep).at(-1)!;
  const texts = readdirSync(playgroundDir).filter((name) => /^lesson(\.[\w-]+)?\.md$/.test(name));
  const files = Object.fromEntries([
    ...LESSON_FILES.map((name) => [`${slug}/${name}`, ""]),
    ...texts.map((name) => [`${slug}/${name}`, readFileSync(join(playgroundDir, name), "utf8")]),
  ]);
  const playground = lessonEntry(readLesson(slug, files));
  return `export const course = ${JSON.stringify(course)};\nexport const playground = ${JSON.stringify(playground)};\n`;
}
