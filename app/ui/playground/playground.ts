/**
 * The playground: a page like a lesson's, for any scenario of the student's
 * own, read as a lesson from this folder (no goals, no solution, no Python
 * reference). Its promise, what explore checks after every schedule, is the
 * student's to write (PlaygroundPage.tsx), and travels with its share links.
 */
import { readLesson, type Lesson } from "../../engine/course/lesson";
import { codeHash } from "../../engine/explore/schedule";
import type { Share } from "../../engine/explore/share";
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

/**
 * The playground with the student's promise: the invariant explore checks,
 * and the one goal free runs check (its own per promise, so that editing the
 * promise does not carry an earlier one's tick). None when it is blank.
 */
export function playgroundLesson(promise: string): Lesson {
  const check = promise.trim();
  if (check === "") return { ...PLAYGROUND, invariant: null, goals: [] };
  const goal = { id: `promise-${codeHash(check, {})}`, text: `The promise holds: \`${check}\``, check };
  return { ...PLAYGROUND, invariant: { text: check, check }, goals: [goal] };
}

/**
 * The promise the playground opens with: a share link's, shown for that
 * link only (the student's saved one stays theirs until they edit it), else
 * the saved one, else the starter's. A link without one (made before links
 * carried it) keeps the student's, and `note` says so.
 */
export function openingPromise(share: Share | null, saved: string | undefined): { promise: string; note: string | null } {
  if (share?.promise !== undefined) return { promise: share.promise, note: null };
  const promise = saved ?? STARTER_PROMISE;
  const note = share === null ? null : "This link carries no promise (it was made before links carried one): the playground keeps yours.";
  return { promise, note };
}
