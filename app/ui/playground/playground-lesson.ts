/**
 * The playground read as a lesson from this folder (no goals, no solution,
 * no Python reference), with the student's promise: apart from playground.ts
 * so that the lesson list and the home page, which need only its slug and
 * card, do not bring the lesson reader with them.
 */
import type { Lesson } from "../../engine/course/lesson";
import { readLesson } from "../../engine/course/read-lesson";
import { codeHash } from "../../engine/explore/schedule";
import { PLAYGROUND_SLUG } from "./playground";
import { uiMessage } from "../messages/messages";
import prose from "./lesson.md?raw";
import starter from "./scenario.ts?raw";

// lesson.zh-CN.md and any other translation beside lesson.md.
const translations = import.meta.glob<string>("./lesson.*.md", { query: "?raw", import: "default", eager: true });

export const PLAYGROUND: Lesson = readLesson(PLAYGROUND_SLUG, {
  ...Object.fromEntries(Object.entries(translations).map(([path, text]) => [`${PLAYGROUND_SLUG}/${path.slice(2)}`, text])),
  [`${PLAYGROUND_SLUG}/lesson.md`]: prose,
  [`${PLAYGROUND_SLUG}/scenario.ts`]: starter,
  [`${PLAYGROUND_SLUG}/solution.ts`]: "",
  [`${PLAYGROUND_SLUG}/reference.py`]: "",
});

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
