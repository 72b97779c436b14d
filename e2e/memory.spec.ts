import { expect, test, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../scripts/ensure-chromium.mjs";
import { openPlayground, replaceCode, run, savedCode } from "./lesson-page";

// A small heap, so that the flood below fills it in a second rather than after 4 GB: the page ends the same way.
test.use({ launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, "--js-flags=--max-old-space-size=256"] } });

const FLOOD = `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 1,
  setup: () => ({}),
  worker: () => {
    const hoard = [];
    for (;;) hoard.push(new Array(100_000).fill(1.5));
  },
  result: () => ({}),
});
`;

// Issue 12: a worker that fills its memory ends the whole page, which no code on it can catch; the next page says so.
test("a run that ended its page by running out of memory is reported on the next page, with the student's code kept", async ({ context }) => {
  const first = await context.newPage();
  await openPlayground(first);
  await replaceCode(first, FLOOD);
  const crashed = new Promise<void>((resolve) => first.on("crash", () => resolve()));
  await first.getByTestId("run-button").click();
  await crashed;

  const next = await context.newPage();
  await openPlayground(next);
  const notice = next.getByTestId("ended-run-notice");
  await expect(notice).toContainText('A run of "Playground" ended the page it ran on, most likely because a worker ran out of memory');
  expect(await savedCode(next, "playground")).toContain("hoard.push(new Array(100_000).fill(1.5));");
  await next.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
});

/** Whether a notice appears once the page has asked the other tabs (run-in-progress.ts waits a second for answers). */
async function noticeAfterTheCheck(page: Page): Promise<number> {
  await expect(page.getByTestId("ended-runs-checked").or(page.getByTestId("ended-run-notice"))).toHaveCount(1);
  return page.getByTestId("ended-run-notice").count();
}

test("a tab still running, or reloaded in the middle of a run, is not reported as ended", async ({ context }) => {
  const running = await context.newPage();
  await openPlayground(running);
  await replaceCode(running, FLOOD.replace("const hoard = [];\n    for (;;) hoard.push(new Array(100_000).fill(1.5));", "for (;;) {}"));
  await running.getByTestId("run-button").click();
  await expect(running.getByTestId("run-status")).toHaveAttribute("data-status", "running");

  const other = await context.newPage();
  await other.goto("./#/");
  expect(await noticeAfterTheCheck(other)).toBe(0);

  await running.reload();
  await other.reload();
  expect(await noticeAfterTheCheck(other)).toBe(0);
  await running.close();
});

test("a run that asks for gigabytes of buffers is refused with its size and line, and the next run works", async ({ page }) => {
  await openPlayground(page);
  const allocating = (megabytes: number) =>
    FLOOD.replace("const hoard = [];\n    for (;;) hoard.push(new Array(100_000).fill(1.5));", `const samples = new Float64Array(${megabytes} * 131_072);\n    samples[0] = 1;`);
  await replaceCode(page, allocating(4096));
  expect(await run(page)).toBe("error");
  await expect(page.getByTestId("run-error")).toContainText("new Float64Array of 4,096 MB would bring this worker's buffers in this run to 4,096 MB, over the 1,024 MB a run may allocate");
  await expect(page.getByTestId("run-error")).toContainText("MemoryError in worker A, line 7:");
  await replaceCode(page, allocating(16));
  expect(await run(page)).toBe("done");
});
