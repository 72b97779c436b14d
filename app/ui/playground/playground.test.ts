/** The playground's starter runs as it says, on real workers, and its promise is a goal a run checks. */
import { afterAll, afterEach, expect, it } from "vitest";
import { loadLanguage } from "../../runtime/i18n/i18n";
import { compileScenario } from "../../engine/compile";
import { createNodePool } from "../../engine/node-pool";
import { startRun } from "../../engine/run";
import { STARTER_PROMISE, openingPromise } from "./playground";
import { PLAYGROUND, playgroundLesson } from "./playground-lesson";

const pool = createNodePool(2);
afterAll(() => pool.close());
afterEach(() => loadLanguage("en"));

it("reads as a lesson without problems, and its starter runs to a result its promise can judge", async () => {
  expect(PLAYGROUND.problems).toEqual([]);
  const compiled = compileScenario(PLAYGROUND.scenario);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const lesson = playgroundLesson(STARTER_PROMISE);
  const outcome = await startRun(pool, { js: compiled.js, params: { workers: 1, increments: 5 }, goals: lesson.goals }).outcome;
  expect(outcome).toMatchObject({ status: "done", result: { expected: 5, actual: 5 }, goals: [{ passed: true }] });
  expect(playgroundLesson("  ").goals).toEqual([]);
  expect(playgroundLesson("result.actual > 0").goals[0]!.id).not.toBe(lesson.goals[0]!.id);
});

it("opens with a share link's promise, else the student's own, else the starter's; and says when a link carries none", () => {
  const link = { code: "x", params: {}, schedule: null };
  expect(openingPromise({ ...link, promise: "result.actual > 0" }, "mine")).toEqual({ promise: "result.actual > 0", note: null });
  expect(openingPromise({ ...link, promise: "" }, "mine")).toEqual({ promise: "", note: null });
  expect(openingPromise(null, "mine")).toEqual({ promise: "mine", note: null });
  expect(openingPromise(null, undefined)).toEqual({ promise: STARTER_PROMISE, note: null });
  expect(openingPromise(link, "mine")).toEqual({ promise: "mine", note: expect.stringMatching(/^This link carries no promise/) });
});

it("words the promise's goal and the note in the page's language", async () => {
  expect(playgroundLesson("result.ok").goals[0]!.text).toBe("The promise holds: `result.ok`");
  await loadLanguage("zh-CN");
  expect(playgroundLesson("result.ok").goals[0]!.text).toBe("约定成立：`result.ok`");
  expect(openingPromise({ code: "x", params: {}, schedule: null }, "mine").note).toMatch(/^这个链接没有带约定/);
});
