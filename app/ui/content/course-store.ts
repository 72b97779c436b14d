/**
 * The loaded course, as an external store. In `npm run dev`, saving a lesson
 * file reloads the course in place (hot module replacement) instead of the
 * whole page, so an author sees the change at once.
 */
import { loadCourse, type Course } from "../../engine/course/course";
import { lessonFiles } from "./lesson-files";

let course = loadCourse(lessonFiles);
const listeners = new Set<() => void>();

export const courseStore = {
  get: (): Course => course,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

if (import.meta.hot) {
  import.meta.hot.accept("./lesson-files", (module) => {
    if (!module) return;
    course = loadCourse(module.lessonFiles as Record<string, string>);
    for (const listener of listeners) listener();
  });
}
