import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { openLesson, replaceCode, resultValue, run, setParam } from "./lesson-page";

// A step goal is the student's own schedule reaching a result; a free run that
// happens to reach it earns nothing (the step-mode spec earns one by hand).
test("a free run whose result passes a step goal's check leaves the step goal unmet", async ({ page }) => {
  const starter = readFileSync(new URL("../lessons/03-race-conditions/scenario.ts", import.meta.url), "utf8");
  // Every free run then ends below expected, as step-lost asks, whether or not the race lost an update.
  const oneShort = starter.replace("const actual = counter.get();", "const actual = counter.get() - 1;");
  expect(oneShort).not.toBe(starter);
  await openLesson(page);
  await replaceCode(page, oneShort);
  await setParam(page, "workers", 2);
  await setParam(page, "increments", 1000);
  await setParam(page, "fix", "none");
  expect(await run(page)).toBe("done");
  expect(await resultValue(page, "lost")).toBeGreaterThanOrEqual(1);
  // The page judged the run: saw-race has the same check (with fix = none and 2 workers) and is met...
  await expect(page.getByTestId("goal-saw-race")).toHaveAttribute("data-met", "true");
  // ...but the step goal is not.
  await expect(page.getByTestId("goal-step-lost")).toHaveAttribute("data-met", "false");
});
