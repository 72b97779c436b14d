import { expect, test } from "@playwright/test";
import { replaceCode } from "./lesson-page";
import { onePageForTheFile } from "./one-page";

// The playground: any scenario, with the student's own promise, through Run, Step and Explore.
test.describe("the playground takes any scenario through the same modes", () => {
  const playgroundPage = onePageForTheFile();

  test.beforeEach(async () => {
    const page = playgroundPage();
    await page.goto("./#/");
    await page.getByTestId("playground-link").click();
    await expect(page.getByTestId("lesson-title")).toHaveText("Playground");
    await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
  });

  test("explore breaks the starter's promise, and the promise is the student's to change", async () => {
    const page = playgroundPage();
    await expect(page.getByTestId("solve-button")).toHaveCount(0);
    await expect(page.getByTestId("tab-python")).toHaveCount(0);
    await page.getByTestId("explore-button").click();
    const result = page.getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-kind", "broken", { timeout: 30_000 });
    await expect(result).toContainText("No longer holds: result.actual === result.expected");
    await expect(page.getByTestId("explore-share-link")).toHaveValue(/#\/playground\?share=/);

    await page.getByTestId("playground-promise").fill("result.actual <= result.expected");
    await page.reload();
    await expect(page.getByTestId("playground-promise")).toHaveValue("result.actual <= result.expected");
    // A free run checks the promise too, in the worker, as the playground's goal.
    await page.getByTestId("run-button").click();
    const promiseGoal = page.locator('[data-testid^="goal-promise-"]');
    await expect(promiseGoal).toHaveAttribute("data-met", "true");
    await page.getByTestId("playground-promise").fill("result.nope.x");
    await page.getByTestId("run-button").click();
    await expect(promiseGoal).toContainText("check failed");
    await expect(promiseGoal).toHaveAttribute("data-met", "false");
  });

  test("a scenario of the student's own: explore finds its deadlock, and step mode replays it", async () => {
    const page = playgroundPage();
    // The starter's promise, which the test before broke on purpose: this scenario keeps it, so only its deadlock fails.
    await page.getByTestId("playground-promise").fill("result.actual === result.expected");
    await replaceCode(
      page,
      `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: (shared) => ({ left: shared.lock("left"), right: shared.lock("right") }),
  worker: ({ left, right }, { id }) => {
    const [first, second] = id === 0 ? [left, right] : [right, left];
    first.acquire(); second.acquire(); second.release(); first.release();
  },
  result: () => ({ expected: 0, actual: 0 }),
});
`,
    );
    await page.getByTestId("explore-button").click();
    const result = page.getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-kind", "deadlock", { timeout: 30_000 });
    await expect(page.getByTestId("explore-swimlanes-end")).toContainText(/Deadlock: [AB] waits for lock (left|right) held by [AB]/);
    await page.getByTestId("explore-replay").click();
    await page.getByTestId("step-play").click();
    await expect(page.getByTestId("step-problem")).toContainText("Deadlock");
    await expect(page.getByTestId("step-last")).toContainText(/tries to acquire lock (left|right), and must wait/);
  });

  test("a result with a cycle, or of 50 MB, is refused in the worker with what is wrong, and the page stays responsive", async () => {
    const page = playgroundPage();
    const returning = (result: string) => `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 1,
  setup: () => ({}),
  worker: () => {},
  result: () => { ${result} },
});
`;
    await replaceCode(page, returning("const run = { n: 1 }; run.self = run; return run;"));
    await page.getByTestId("run-button").click();
    await expect(page.getByTestId("run-error")).toContainText("result.self refers back to result: the result has a cycle");
    await replaceCode(page, returning('return { log: "x".repeat(50_000_000) };'));
    await page.getByTestId("run-button").click();
    await expect(page.getByTestId("run-error")).toContainText("result is 50.0 MB as JSON, and the page takes at most 1.0 MB");
    // The page answered while the worker measured the result: the editor still takes keys.
    await page.getByTestId("code-editor").locator(".view-lines").click();
    await expect(page.getByTestId("run-button")).toBeEnabled();
  });

  test("scenario code cannot reach the network or close its worker: each says so with its line, at once", async () => {
    const page = playgroundPage();
    const worker = (body: string) => `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 1,
  setup: () => ({}),
  worker: () => {
    ${body}
  },
  result: () => ({}),
});
`;
    await replaceCode(page, worker('fetch("http://127.0.0.1:9/steal?code=1");'));
    await page.getByTestId("run-button").click();
    await expect(page.getByTestId("run-error")).toContainText("fetch is not available: scenario code runs without the network");
    await expect(page.getByTestId("run-error")).toContainText("line 7");
    await replaceCode(page, worker("new WebSocket(\"ws://127.0.0.1:9\");"));
    await page.getByTestId("run-button").click();
    await expect(page.getByTestId("run-error")).toContainText("WebSocket is not available");
    await replaceCode(page, worker("self.close();"));
    await page.getByTestId("run-button").click();
    // At once, not after the run's 30 s time limit.
    await expect(page.getByTestId("run-error")).toContainText("close() would end this worker in the middle of its run", { timeout: 5_000 });
  });
});
