/**
 * The playground: a page like a lesson's, for any scenario of the student's
 * own, read as a lesson from this folder (no goals, no solution, no Python
 * reference). Its promise, what explore checks after every schedule, is the
 * student's to write (PlaygroundPage.tsx), and travels with its share links.
 */
import type { Share } from "../../engine/explore/share";
import { uiMessage } from "../messages/messages";

/** The playground's address in the app, and its key for what the browser keeps. Its lesson is in playground-lesson.ts. */
export const PLAYGROUND_SLUG = "playground";

export const STARTER_PROMISE = "result.actual === result.expected";

/**
 * The promise the playground opens with: a share link's, shown for that
 * link only (the student's saved one stays theirs until they edit it), else
 * the saved one, else the starter's. A link without one (made before links
 * carried it) keeps the student's, and `note` says so, in the page's language.
 */
export function openingPromise(share: Share | null, saved: string | undefined): { promise: string; note: string | null } {
  if (share?.promise !== undefined) return { promise: share.promise, note: null };
  const promise = saved ?? STARTER_PROMISE;
  const note = share === null ? null : uiMessage("playground.linkWithoutPromise");
  return { promise, note };
}
