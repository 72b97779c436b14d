import { expect, test } from "@playwright/test";
import { onePageForTheFile } from "./one-page";
import { openLesson, replaceCode, resultValue, run } from "./lesson-page";

const forever = `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: (shared) => ({ n: shared.int("n") }),
  worker: ({ n }) => {
    while (true) {}
  },
  result: ({ n }) => ({ value: n.get() }),
});
`;

test.describe("code that never ends", () => {
  const page = onePageForTheFile();

  test("Stop ends an infinite loop within 500 ms, and the page stays responsive", async () => {
    await openLesson(page());
    await replaceCode(page(), forever);
    await page().getByTestId("run-button").click();
    await expect(page().getByTestId("run-status")).toHaveAttribute("data-status", "running");
    await page().waitForTimeout(300);
    const elapsed = await page().evaluate(async () => {
      const started = performance.now();
      (document.querySelector('[data-testid="stop-button"]') as HTMLButtonElement).click();
      await new Promise<void>((resolve) => {
        const check = () =>
          document.querySelector('[data-testid="run-status"]')?.getAttribute("data-status") === "stopped" ? resolve() : requestAnimationFrame(check);
        check();
      });
      return performance.now() - started;
    });
    expect(elapsed).toBeLessThan(500);
    await expect(page().getByTestId("run-stopped")).toContainText("Stopped");
  });

  test("Esc stops a run too", async () => {
    await openLesson(page());
    await replaceCode(page(), forever);
    await page().keyboard.press("ControlOrMeta+Enter");
    await expect(page().getByTestId("run-status")).toHaveAttribute("data-status", "running");
    await page().keyboard.press("Escape");
    await expect(page().getByTestId("run-status")).toHaveAttribute("data-status", "stopped");
  });

  test("the lesson's time limit stops an infinite loop, and the next run works", async () => {
    // The page's clock times the limit (the workers only spin): it jumps ahead rather than the test waiting it out.
    // Installed on a page already open, it leaves the page mixing real and fake time (now and then a click on Run then
    // started nothing): the reload starts the page on it, as a fresh page would. It stays for the rest of the file: this test comes last.
    await page().clock.install();
    await page().reload();
    await openLesson(page(), "09-thread-pools");
    await replaceCode(page(), forever);
    const status = page().getByTestId("run-status");
    const runs = await status.getAttribute("data-runs");
    expect(runs).toMatch(/^\d+$/);
    await page().getByTestId("run-button").click();
    await expect(status).toHaveAttribute("data-status", "running");
    // A run first reads the code, with a limit of its own on the same clock: jumped ahead before the workers start, the
    // clock would end that read instead, and the run be refused.
    await expect(page().getByTestId("shared-values")).toContainText("(live)");
    // The thread-pool lesson's limit is 20 s, the shortest in the course.
    await page().clock.fastForward(20_000);
    // Its clock runs on from there: a stop seconds later would be a later limit's.
    await expect(status).toHaveAttribute("data-runs", String(Number(runs) + 1), { timeout: 5_000 });
    await expect(status).toHaveAttribute("data-status", "stopped");
    await expect(page().getByTestId("run-stopped")).toContainText("time limit");
    await replaceCode(page(), forever.replace("while (true) {}", "n.add(1);"));
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "value")).toBe(2);
  });
});
