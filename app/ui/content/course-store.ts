/**
 * The course, as an external store: its index at once, and each lesson once
 * it is opened and its chunk has loaded. Both are built from lessons/ with
 * the page (scripts/vite/course-modules.ts), the lesson already read, so the
 * page parses no YAML. In `npm run dev`, saving a lesson file reloads the
 * index and the open lessons in place (hot module replacement) instead of
 * the whole page, so an author sees the change at once.
 */
import { course as builtIndex } from "virtual:course-index";
import { lessons as builtLessons } from "virtual:lessons";
import type { Course } from "../../engine/course/course";
import type { Lesson } from "../../engine/course/lesson";

let index: Course = builtIndex;
let loaders = builtLessons;
const lessons = new Map<string, Lesson>();
const requested = new Set<string>();
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** Asks for a lesson's chunk, once (and again after a failure, or after an edit in `npm run dev`). */
function load(slug: string): void {
  if (requested.has(slug)) return;
  requested.add(slug);
  // Built from one reading, the index and the loaders list the same lessons; in `npm run dev` a lesson just added
  // to the index may be opened before its loader arrives, with the loaders' update, which loads what was requested.
  const loader = loaders[slug];
  if (loader === undefined) return;
  loader().then(
    (module) => {
      lessons.set(slug, module.lesson);
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
  import.meta.hot.accept("virtual:course-index", (module) => {
    if (!module) return;
    index = module.course as Course;
    changed();
  });
  // The lessons' loaders, made again after an edit, import each lesson's module afresh.
  import.meta.hot.accept("virtual:lessons", (module) => {
    if (!module) return;
    loaders = module.lessons as typeof builtLessons;
    const slugs = [...requested];
    requested.clear();
    slugs.forEach(load);
  });
}
