import { expect, test } from "@playwright/test";
import { codeHash } from "../app/engine/explore/schedule";
import { RACE, replaceCode, setParam } from "./lesson-page";
import { shareLink } from "./share-links";

const code = `import { defineScenario, param } from "interleave";
export default defineScenario({
  params: { rounds: param.int({ default: 1, min: 1, max: 9 }) },
  workers: 2,
  setup: (shared) => ({ n: shared.int("n") }),
  worker: ({ n }, { params }) => {
    for (let i = 0; i < params.rounds; i++) n.add(1);
  },
  result: ({ n }) => ({ n: n.get() }),
});
`;
const params = { rounds: 2 };

test("a shared schedule replays only on the code and parameters it was made with, and otherwise says why", async ({ page }) => {
  await page.goto(shareLink(RACE, { code, params, schedule: `v1.${codeHash(code, params)}.A3B3` }));
  await expect(page.getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
  const problem = page.getByTestId("shared-schedule-problem");
  await expect(page.getByTestId("shared-schedule-step")).toHaveText("Step through it (6 steps)");
  await expect(problem).toHaveCount(0);

  await setParam(page, "rounds", 3);
  await expect(problem).toContainText("Code changed: this schedule was made on other code or other parameters");
  await expect(page.getByTestId("shared-schedule-step")).toHaveCount(0);
  await expect(page.getByTestId("shared-schedule-jump")).toHaveCount(0);
  await setParam(page, "rounds", 2);
  await expect(page.getByTestId("shared-schedule-step")).toBeVisible();

  await replaceCode(page, code.replace("n.add(1)", "n.add(2)"));
  await expect(problem).toContainText("Code changed");
  await expect(page.getByTestId("shared-schedule-step")).toHaveCount(0);
});
