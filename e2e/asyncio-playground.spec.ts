import { expect, test } from "@playwright/test";
import { replaceCode, resultValue } from "./lesson-page";

const tasks = `import { defineAsyncScenario, param } from "interleave";

export default defineAsyncScenario({
  params: { requests: param.int({ default: 3, min: 1, max: 20 }) },
  setup: () => ({ done: 0, elapsed: 0 }),
  main: async (state, loop, params) => {
    const fetch = async () => {
      await loop.io(1);
      state.done += 1;
    };
    const started = loop.time();
    await loop.gather(Array.from({ length: params.requests }, () => fetch));
    state.elapsed = loop.time() - started;
    loop.createTask(() => loop.sleep(60), "forgotten");
  },
  result: (state) => ({ done: state.done, elapsed: state.elapsed }),
});
`;

// asyncio mode in the built site: tasks on one event loop, in the student's own scenario.
test("an asyncio scenario runs in the playground: three one-second requests gathered take one second of loop time, and a leaked task is named, by the run and by Explore", async ({ page }) => {
  await page.goto("./#/playground");
  await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
  await replaceCode(page, tasks);
  await page.getByTestId("run-button").click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  expect(await resultValue(page, "done")).toBe(3);
  expect(await resultValue(page, "elapsed")).toBe(1);
  await expect(page.getByTestId("run-interpreter")).toHaveText("Ran as asyncio tasks taking turns on one event loop, one thread.");
  await expect(page.getByTestId("run-notes")).toContainText("Still pending when main returned, so cancelled as asyncio.run does: forgotten.");
  // Explore schedules the tasks: the nominal schedule already leaks one, drawn as swimlanes by task.
  await page.getByTestId("explore-button").click();
  await expect(page.getByTestId("explore-result")).toHaveAttribute("data-kind", "broken", { timeout: 30_000 });
  await expect(page.getByTestId("explore-result")).toContainText("Still pending when main returned, so cancelled as asyncio.run does: forgotten.");
  await expect(page.getByTestId("explore-swimlanes")).toHaveAttribute("data-lanes", "6");
});
