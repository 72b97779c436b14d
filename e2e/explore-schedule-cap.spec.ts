import { expect, test } from "@playwright/test";
import { openLesson, replaceCode } from "./lesson-page";

/** Six workers take one lock once: who goes next whenever one blocks or ends makes thousands of orders without a single preemption. */
const sixWorkers = `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 6,
  setup: (shared) => ({ counter: shared.int("counter"), lock: shared.lock("lock") }),
  worker: ({ counter, lock }) => {
    lock.acquire();
    counter.set(counter.get() + 1);
    lock.release();
  },
  result: ({ counter }) => ({ expected: 6, actual: counter.get() }),
});
`;

test("a program too wide for the bounded search's cap: explore stops trying every order after 400, moves the preemptions first, and claims no proof", async ({ page }) => {
  await openLesson(page);
  await replaceCode(page, sixWorkers);
  await page.getByTestId("explore-button").click();
  const progress = page.getByTestId("explore-progress");
  await expect(progress).toHaveAttribute("data-strategy", "preemptions first", { timeout: 30_000 });
  const tried = Number(/^([\d,]+) schedules tried/.exec((await progress.textContent()) ?? "")?.[1]?.replaceAll(",", ""));
  expect(tried).toBeGreaterThanOrEqual(400);
  await page.getByTestId("explore-cancel").click();
  const result = page.getByTestId("explore-result");
  await expect(result).toHaveAttribute("data-found", "false");
  await expect(result).toHaveText(
    /^No failure in [\d,]+ schedules(, nor in [\d,]+ random-walk and PCT schedules after them)? before you cancelled; that is not even every schedule without preemptions: there are too many to try\./,
  );
});
