/**
 * The playground read as a lesson from this folder (no goals, no solution,
 * no Python reference), with the student's promise: apart from playground.ts
 * so that the lesson list and the home page, which need only its slug and
 * card, do not bring the lesson with them. Its lesson.md (and each
 * translation beside it) and scenario.ts are read at build time
 * (scripts/vite/course-modules.ts), as a lesson's are.
 */
import { lesson } from "virtual:playground-lesson";
import type { Lesson } from "../../engine/course/lesson";
import { codeHash } from "../../engine/explore/schedule";
import { uiMessage } from "../messages/messages";

export const PLAYGROUND: Lesson = lesson;

/**
 * The playground with the student's promise: the invariant explore checks,
 * and the one goal free runs check (its own per promise, so that editing the
 * promise does not carry an earlier one's tick). None when it is blank.
 * The goal's words are in the page's language at the time of the call.
 */
export function playgroundLesson(promise: string): Lesson {
  const check = promise.trim();
  if (check === "") return { ...PLAYGROUND, invariant: null, goals: [] };
  const goal = { id: `promise-${codeHash(check, {})}`, text: uiMessage("playground.promiseHolds", { check }), check };
  return { ...PLAYGROUND, invariant: { text: check, check }, goals: [goal] };
}
