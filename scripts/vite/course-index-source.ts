/**
 * The source of `virtual:course-index` (course-modules.ts): the course's
 * index (app/engine/course/course.ts, courseIndex), with the translations
 * older than their English as the build finds them, and the playground's
 * card.
 */
import { courseIndex, lessonEntry, type Course, type CourseFiles, type LessonEntry } from "../../app/engine/course/course";
import type { Lesson } from "../../app/engine/course/lesson";
import { staleLanguages } from "../lessons/translations";

export function courseIndexSource(files: CourseFiles, full: Course<Lesson>, playground: Lesson): string {
  const index = courseIndex(full);
  const lessons = new Map(full.lessons.map((lesson) => [lesson.slug, lesson]));
  const stale = (slug: string) => staleLanguages(lessons.get(slug)!, files[`${slug}/lesson.md`] ?? "");
  const withStale = (entry: LessonEntry): LessonEntry => {
    const languages = stale(entry.slug);
    return languages.length === 0 ? entry : { ...entry, staleTranslations: languages };
  };
  const units = index.units.map((unit) => ({ ...unit, lessons: unit.lessons.map(withStale) }));
  const course = { ...index, units, lessons: units.flatMap((unit) => unit.lessons) };
  return `export const course = ${JSON.stringify(course)};\nexport const playground = ${JSON.stringify(lessonEntry(playground))};\n`;
}
