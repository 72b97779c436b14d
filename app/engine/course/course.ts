/**
 * The course: the ordered manifest `lessons/course.yaml` and the lesson
 * folders it names, as load-course.ts reads it, and its index, which is what
 * the page has of it before a lesson is opened.
 */
import type { Lesson } from "./lesson";
import type { Problem } from "./problem";
import type { Language } from "../../runtime/i18n/languages";

/**
 * What the lesson list, the home page and progress need of a lesson: the page
 * builds it into its first load (scripts/vite/course-modules.ts) and loads the rest of a
 * lesson when it is opened.
 */
export type LessonEntry = Pick<Lesson, "slug" | "title" | "summary" | "problems"> & {
  readonly goals: readonly Pick<Lesson["goals"][number], "id">[];
  /** The title and summary in each language the lesson is translated into. */
  readonly translations: Readonly<Partial<Record<Language, { readonly title: string; readonly summary: string }>>>;
  /** The languages whose translation is older than the English it was made from, as the build found them (scripts/vite/course-index-source.ts). */
  readonly staleTranslations?: readonly Language[];
};

/** The course's own texts in another language (`course.zh-CN.yaml`): its title and each unit's, in order. */
export interface CourseTexts {
  readonly title: string;
  readonly units: readonly string[];
}

export interface Unit<L extends LessonEntry = LessonEntry> {
  readonly title: string;
  readonly lessons: readonly L[];
}

/** The course; by default only its lessons' entries, as the page has it before a lesson is opened. */
export interface Course<L extends LessonEntry = LessonEntry> {
  readonly title: string;
  readonly units: readonly Unit<L>[];
  /** Every lesson in course order. */
  readonly lessons: readonly L[];
  /** Problems of the manifest itself; each lesson carries its own. */
  readonly problems: readonly Problem[];
  readonly translations: Readonly<Partial<Record<Language, CourseTexts>>>;
}

/** A lesson's number in the course, counted from 1 across units as the curriculum numbers them; 0 when it is not in it. */
export function lessonNumber(course: Course, slug: string): number {
  return course.lessons.findIndex((lesson) => lesson.slug === slug) + 1;
}

export type CourseFiles = Readonly<Record<string, string>>;

/** The course as the page needs it before a lesson is opened: titles, summaries, goal ids and problems, none of the lessons' files. */
export function courseIndex(course: Course<Lesson>): Course {
  const units = course.units.map((unit) => ({ title: unit.title, lessons: unit.lessons.map(lessonEntry) }));
  return { title: course.title, units, lessons: units.flatMap((unit) => unit.lessons), problems: course.problems, translations: course.translations };
}

export function lessonEntry({ slug, title, summary, problems, goals, translations }: Lesson): LessonEntry {
  const texts = Object.fromEntries(Object.entries(translations).map(([language, t]) => [language, { title: t.title, summary: t.summary }]));
  return { slug, title, summary, problems, goals: goals.map(({ id }) => ({ id })), translations: texts };
}
