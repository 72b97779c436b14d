/** Declarations of the scenario API, emitted at build time by scripts/vite/scenario-types.ts. */
declare module "virtual:scenario-types" {
  const files: Readonly<Record<string, string>>;
  export default files;
}

/** The course's index and the playground's card, built from lessons/ by scripts/vite/course-modules.ts. */
declare module "virtual:course-index" {
  import type { Course, LessonEntry } from "../engine/course/course";
  export const course: Course;
  export const playground: LessonEntry;
}

/** Each lesson of the course by slug: a loader of its module (a chunk of its own), built from lessons/ by scripts/vite/course-modules.ts. */
declare module "virtual:lessons" {
  import type { Lesson } from "../engine/course/lesson";
  export const lessons: Readonly<Record<string, () => Promise<{ readonly lesson: Lesson }>>>;
}

/** The playground read as a lesson from app/ui/playground/, by scripts/vite/course-modules.ts. */
declare module "virtual:playground-lesson" {
  import type { Lesson } from "../engine/course/lesson";
  export const lesson: Lesson;
}
