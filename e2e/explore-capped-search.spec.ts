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

// Which cuts the bounded search short, its cap (400 orders without preemption, then preemptions first) or
// its half of the budget, depends on the machine's speed; either way the page must claim no proof.
test("a program too wide for the bounded search's cap: explore goes on at random, and says what it tried proves nothing", async ({ page }) => {
  await openLesson(page);
  await replaceCode(page, sixWorkers);
  await page.getByTestId("explore-button").click();
  await expect(page.getByTestId("explore-progress")).toHaveAttribute("data-strategy", /random walk|PCT/, { timeout: 30_000 });
  await page.getByTestId("explore-cancel").click();
  const result = page.getByTestId("explore-result");
  await expect(result).toHaveAttribute("data-found", "false");
  await expect(result).toHaveText(
    /^No failure in [\d,]+ schedules(, nor in [\d,]+ random-walk and PCT schedules after them)? before you cancelled; that is not even every schedule without preemptions: there are too many to try\./,
  );
});
