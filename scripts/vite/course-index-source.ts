/**
 * The source of `virtual:course-index` (course-index.ts), from lessons/ and
 * the playground's folder on disk. Loaded through Vite's module runner, as
 * lessons:check loads the course: the engine's modules are the app's own.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";
import { courseIndex, lessonEntry, type LessonEntry } from "../../app/engine/course/course";
import { staleLanguages } from "../lessons/translations";
import { LESSON_FILES } from "../../app/engine/course/lesson";
import { loadCourse } from "../../app/engine/course/load-course";
import { readLesson } from "../../app/engine/course/read-lesson";
import { readCourseFiles } from "../lessons/course-files";

/** The course's index, and the card of the lesson-like page in `playgroundDir`, named by its folder. */
export function courseIndexSource(lessonsDir: string, playgroundDir: string): string {
  const files = readCourseFiles(lessonsDir);
  const full = loadCourse(files);
  const index = courseIndex(full);
  const lessons = new Map(full.lessons.map((lesson) => [lesson.slug, lesson]));
  const stale = (slug: string) => staleLanguages(lessons.get(slug)!, files[`${slug}/lesson.md`] ?? "");
  const withStale = (entry: LessonEntry): LessonEntry => {
    const languages = stale(entry.slug);
    return languages.length === 0 ? entry : { ...entry, staleTranslations: languages };
  };
  const units = index.units.map((unit) => ({ ...unit, lessons: unit.lessons.map(withStale) }));
  const course = { ...index, units, lessons: units.flatMap((unit) => unit.lessons) };
  const slug = playgroundDir.split(sep).at(-1)!;
  const texts = readdirSync(playgroundDir).filter((name) => /^lesson(\.[\w-]+)?\.md$/.test(name));
  const playgroundFiles = Object.fromEntries([
    ...LESSON_FILES.map((name) => [`${slug}/${name}`, ""]),
    ...texts.map((name) => [`${slug}/${name}`, readFileSync(join(playgroundDir, name), "utf8")]),
  ]);
  const playground = lessonEntry(readLesson(slug, playgroundFiles));
  return `export const course = ${JSON.stringify(course)};\nexport const playground = ${JSON.stringify(playground)};\n`;
}
