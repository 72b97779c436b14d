/**
 * The playground: a page like a lesson's, for any scenario of the student's
 * own, read as a lesson from this folder (no goals, no solution, no Python
 * reference). Its promise, what explore checks after every schedule, is the
 * student's to write (PlaygroundPage.tsx).
 */
import { readLesson, type Invariant, type Lesson } from "../../engine/course/lesson";
import prose from "./lesson.md?raw";
import starter from "./scenario.ts?raw";

export const PLAYGROUND_SLUG = "playground";

export const PLAYGROUND: Lesson = readLesson(PLAYGROUND_SLUG, {
  [`${PLAYGROUND_SLUG}/lesson.md`]: prose,
  [`${PLAYGROUND_SLUG}/scenario.ts`]: starter,
  [`${PLAYGROUND_SLUG}/solution.ts`]: "",
  [`${PLAYGROUND_SLUG}/reference.py`]: "",
});

export const STARTER_PROMISE = "result.actual === result.expected";
export const PROMISE_GOAL = "promise";

/** The student's promise as the invariant explore checks; none when it is blank. */
export function promiseInvariant(promise: string): Invariant | null {
  const check = promise.trim();
  return check === "" ? null : { text: check, check };
}
