/** Declarations of the scenario API, emitted at build time by scripts/vite/scenario-types.ts. */
declare module "virtual:scenario-types" {
  const files: Readonly<Record<string, string>>;
  export default files;
}

/** The course's index and the playground's card, built from lessons/ by scripts/vite/course-index.ts. */
declare module "virtual:course-index" {
  import type { Course, LessonEntry } from "../engine/course/course";
  export const course: Course;
  export const playground: LessonEntry;
}
