import { expect, test } from "@playwright/test";
import { openLesson, replaceCode, run } from "./lesson-page";
import { oppositeOrder } from "./scenarios";


test("a deadlocking scenario is stopped and its wait-for cycle named", async ({ page }) => {
  await openLesson(page);
  await replaceCode(page, oppositeOrder);
  expect(await run(page)).toBe("deadlock");
  await expect(page.getByTestId("run-deadlock")).toContainText(/Deadlock: (A waits for lock right held by B, which waits for lock left held by A|B waits for lock left held by A, which waits for lock right held by B)/);
  await expect(page.getByTestId("shared-left")).toContainText("held by");
  // The page and the pool recover: the next run works.
  await replaceCode(page, oppositeOrder.replace("second.acquire();", ""));
  expect(await run(page)).toBe("done");
});
