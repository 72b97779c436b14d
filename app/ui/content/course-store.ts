/**
 * The course, as an external store: its index (built with the page,
 * scripts/vite/course-index.ts) at once, and each lesson once it is opened
 * and its files have loaded. In `npm run dev`, saving a lesson file reloads
 * the index and the open lessons in place (hot module replacement) instead
 * of the whole page, so an author sees the change at once.
 */
import { course as builtIndex } from "virtual:course-index";
import type { Course, CourseFiles } from "../../engine/course/course";
import type { Lesson } from "../../engine/course/lesson";
import { lessonFiles } from "./lesson-files";

let index: Course = builtIndex;
// A lesson's files are asked for beside the reader, not once it has arrived.
let open = (slug: string): Promise<Lesson> => {
  const files = lessonFiles(slug);
  return import("./open-lesson").then(async (module) => module.openLesson(slug, await files));
};
const lessons = new Map<string, Lesson>();
const requested = new Set<string>();
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** Asks for a lesson's files, once (and again after a failure, or after an edit in `npm run dev`). */
function load(slug: string): void {
  if (requested.has(slug)) return;
  requested.add(slug);
  open(slug).then(
    (lesson) => {
      lessons.set(slug, lesson);
      changed();
    },
    (error: unknown) => {
      // A chunk that failed to arrive (the network dropped) is asked for again when the lesson is next opened.
      requested.delete(slug);
      console.error(error);
    },
  );
}

export const courseStore = {
  get: (): Course => index,
  /** The lesson, once `load` has brought it. */
  lesson: (slug: string): Lesson | undefined => lessons.get(slug),
  load,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

if (import.meta.hot) {
  const reopen = () => {
    const slugs = [...requested];
    requested.clear();
    slugs.forEach(load);
  };
  import.meta.hot.accept("virtual:course-index", (module) => {
    if (!module) return;
    index = module.course as Course;
    changed();
  });
  import.meta.hot.accept("./open-lesson", (module) => {
    if (!module) return;
    const openLesson = module.openLesson as (slug: string, files: CourseFiles) => Lesson;
    open = async (slug) => openLesson(slug, await lessonFiles(slug));
    reopen();
  });
}
