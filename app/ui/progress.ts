/** How far the student has come, from the goals met that the browser remembers (storage.ts). */
import type { Course, LessonEntry } from "../engine/course/course";
import { saved } from "./storage";

export interface LessonProgress {
  readonly met: number;
  readonly total: number;
}

export function progressOf(lesson: LessonEntry): LessonProgress {
  const met = new Set(saved.goals(lesson.slug));
  return { met: lesson.goals.filter((goal) => met.has(goal.id)).length, total: lesson.goals.length };
}

export const complete = ({ met, total }: LessonProgress): boolean => total > 0 && met === total;

/** The first lesson, in course order, with a goal still to meet. */
export function nextLesson(course: Course): LessonEntry | undefined {
  return course.lessons.find((lesson) => !complete(progressOf(lesson)));
}
