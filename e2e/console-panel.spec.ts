import { expect, test } from "@playwright/test";
import { openPlayground, replaceCode, run } from "./lesson-page";
import { onePageForTheFile } from "./one-page";

const page = onePageForTheFile();

const logging = (n: number) => `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: () => ({}),
  worker: (state, { id }) => {
    console.log("hello from", id === 0 ? "A" : "B", { id });
    for (let i = 0; i < ${n}; i++) console.log("line", i);
  },
  result: () => ({ logged: ${n} }),
});
`;

// Issue 12: what scenario code logs is shown beside the run, capped, with what was dropped counted.
test("a worker's console.log is shown in the console panel by worker; a million lines are capped and counted, and the page stays responsive", async () => {
  await openPlayground(page());
  await replaceCode(page(), logging(2));
  expect(await run(page())).toBe("done");
  const lines = page().getByTestId("console-lines");
  await expect(lines).toContainText('A: hello from A {"id":0}');
  await expect(lines).toContainText('B: hello from B {"id":1}');
  await expect(lines).toContainText("B: line 1");
  await expect(page().getByTestId("console-dropped")).toHaveCount(0);

  await replaceCode(page(), logging(1_000_000));
  expect(await run(page())).toBe("done");
  // Each worker keeps 200 lines: its greeting and lines 0 to 198; the rest of its million are counted.
  await expect(lines).toContainText("A: line 198");
  await expect(lines).not.toContainText("line 199");
  await expect(page().getByTestId("console-dropped")).toHaveText("1,999,602 more lines were not kept: the console keeps each worker's first 200 lines of a run.");
  await expect(page().getByTestId("run-button")).toBeEnabled();

  // A run that fails shows what the failing worker logged before it threw: when the student most needs it.
  await replaceCode(page(), logging(3).replace('for (let i = 0; i < 3; i++) console.log("line", i);', 'for (let i = 0; i < 3; i++) console.log("line", i);\n    if (id === 1) throw new Error("boom");'));
  expect(await run(page())).toBe("error");
  await expect(lines).toHaveText('B: hello from B {"id":1}\nB: line 0\nB: line 1\nB: line 2');
});

// A student logs to find out why a loop never ends: the lines must show while it runs, and stay once it is stopped.
// On the playground the test before left open, with lines of its own in the panel: the live panel must replace them.
test("a run's console lines show while it runs, and stay after Stop", async () => {
  await replaceCode(page(), logging(1).replace('for (let i = 0; i < 1; i++) console.log("line", i);', 'if (id === 1) for (;;) {}'));
  await page().getByTestId("run-button").click();
  const lines = page().getByTestId("console-lines");
  await expect(page().getByTestId("console")).toHaveAttribute("data-live", "true");
  await expect(lines).toContainText('B: hello from B {"id":1}');
  await expect(page().getByTestId("run-status")).toHaveAttribute("data-status", "running");
  await page().getByTestId("stop-button").click();
  await expect(page().getByTestId("run-status")).toHaveAttribute("data-status", "stopped");
  await expect(lines).toContainText('A: hello from A {"id":0}');
  await expect(lines).toContainText('B: hello from B {"id":1}');
  await expect(page().getByTestId("console")).toHaveAttribute("data-live", "false");
});
