/**
 * The course and a lesson as a reader of one language sees them: the
 * translation's texts where it has them, the English elsewhere. What runs
 * (ids, checks, series) is always the English file's.
 */
import type { Language } from "../../runtime/i18n/languages";
import type { Course, LessonEntry } from "./course";
import type { Lesson } from "./lesson";

export function lessonIn(lesson: Lesson, language: Language): Lesson {
  const texts = lesson.translations[language];
  if (!texts) return lesson;
  return {
    ...lesson,
    title: texts.title,
    summary: texts.summary,
    prose: texts.prose,
    goals: lesson.goals.map((goal) => ({ ...goal, text: texts.goals[goal.id] ?? goal.text })),
    charts: lesson.charts.map((chart, i) => ({ ...chart, title: texts.charts[i]?.title ?? chart.title, x: texts.charts[i]?.x ?? chart.x })),
    invariant: lesson.invariant && texts.invariant ? { ...lesson.invariant, text: texts.invariant } : lesson.invariant,
  };
}

/** A parameter's label in `language`: the translation's, or the one the scenario declares. */
export function paramLabel(lesson: Lesson, language: Language, name: string, declared: string): string {
  return lesson.translations[language]?.params[name] ?? declared;
}

/** A lesson's card (title and summary) in `language`. */
export function entryIn(lesson: LessonEntry, language: Language): LessonEntry {
  return { ...lesson, ...lesson.translations[language] };
}

export function courseIn(course: Course, language: Language): Course {
  const texts = course.translations[language];
  const entry = (lesson: LessonEntry) => entryIn(lesson, language);
  const units = course.units.map((unit, i) => ({ title: texts?.units[i] ?? unit.title, lessons: unit.lessons.map(entry) }));
  return { ...course, title: texts?.title ?? course.title, units, lessons: units.flatMap((unit) => unit.lessons) };
}
