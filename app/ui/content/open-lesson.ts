/** A lesson read from its files, loaded with the YAML reader when a lesson is first opened (course-store.ts). */
import type { Lesson } from "../../engine/course/lesson";
import { readLesson } from "../../engine/course/read-lesson";
import { lessonFiles } from "./lesson-files";

export async function openLesson(slug: string): Promise<Lesson> {
  return readLesson(slug, await lessonFiles(slug));
}
