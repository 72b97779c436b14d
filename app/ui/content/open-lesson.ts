/** A lesson read from its files, with the YAML reader, which loads when a lesson is first opened (course-store.ts). */
import type { CourseFiles } from "../../engine/course/course";
import type { Lesson } from "../../engine/course/lesson";
import { readLesson } from "../../engine/course/read-lesson";

export function openLesson(slug: string, files: CourseFiles): Lesson {
  return readLesson(slug, files);
}
