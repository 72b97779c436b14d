import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { onePageForTheFile } from "./one-page";
import { openLesson, resultValue, run, savedCode, setParam } from "./lesson-page";

const SLUG = "15-retries-and-timeouts";
const solution = readFileSync(new URL(`../lessons/${SLUG}/solution.ts`, import.meta.url), "utf8");

// Lesson 15 in the built site: thirty clients retrying on one event loop, on
// the virtual clock, with failures and jitter drawn from a seed, so that every
// figure below is the same in every run.
test.describe("the retries-and-timeouts lesson", () => {
  const page = onePageForTheFile();

  test("the defaults (no jitter) make a retry storm: waves bigger than the service, clients giving up, and clients past their deadline", async () => {
    await openLesson(page(), SLUG);
    expect(await run(page())).toBe("done");
    await expect(page().getByTestId("run-interpreter")).toHaveText("Ran as asyncio tasks taking turns on one event loop, one thread.");
    expect(await resultValue(page(), "retryPeak")).toBe(24);
    expect(await resultValue(page(), "refused")).toBe(78);
    expect(await resultValue(page(), "succeeded")).toBe(19);
    expect(await resultValue(page(), "gaveUp")).toBe(11);
    expect(await resultValue(page(), "overran")).toBe(4);
    await expect(page().getByTestId("goal-storm")).toHaveAttribute("data-met", "true");
    await expect(page().getByTestId("goal-deadline")).toHaveAttribute("data-met", "false");
    await expect(page().getByTestId("chart-1")).toHaveAttribute("data-points", "19");
  });

  test("full jitter spreads the retries: no wave bigger than the service, and no client gives up", async () => {
    await setParam(page(), "jitter", "full");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "retryPeak")).toBe(3);
    expect(await resultValue(page(), "refused")).toBe(38);
    expect(await resultValue(page(), "succeeded")).toBe(30);
    expect(await resultValue(page(), "gaveUp")).toBe(0);
    await expect(page().getByTestId("goal-spread")).toHaveAttribute("data-met", "true");
    // Both jitter settings have run: the comparison chart has a bar group for each.
    await expect(page().getByTestId("chart-3")).toHaveAttribute("data-points", "2");
    await setParam(page(), "jitter", "none");
  });

  test("on two clients the free run keeps the deadline, yet Explore finds a slow reply that the retry loop carries past it, and step mode replays it", async () => {
    await setParam(page(), "clients", 2);
    await setParam(page(), "attempts", 2);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "succeeded")).toBe(2);
    expect(await resultValue(page(), "overran")).toBe(0);
    await page().getByTestId("explore-button").click();
    await expect(page().getByTestId("explore-params")).toHaveText(
      "Searched with clients 2, failRate 30, capacity 6, baseDelayMs 500, jitter none, attempts 2, attemptTimeoutMs 0, deadlineMs 10000, seed 1.",
    );
    const result = page().getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(result).toHaveAttribute("data-kind", "broken");
    await expect(result).toContainText("no client is still at work after its deadline");
    // The seeded draws replay: the schedule, gone to in step mode, breaks the deadline again.
    await page().getByTestId("explore-jump").click();
    await expect(page().getByTestId("step-mode")).toHaveAttribute("data-tasks", "true");
    await expect(page().getByTestId("step-goal-invariant")).toHaveAttribute("data-passed", "false", { timeout: 30_000 });
    await page().getByTestId("step-close").click();
    await setParam(page(), "clients", 30);
    await setParam(page(), "attempts", 5);
  });

  test("the solution lets the deadline's cancellation through: hung clients time out on time, and Explore finds no overrun", async () => {
    page().once("dialog", (dialog) => dialog.accept());
    await page().getByTestId("solve-button").click();
    await expect.poll(() => savedCode(page(), SLUG)).toBe(solution);
    await expect(page().getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "timedOut")).toBe(5);
    expect(await resultValue(page(), "overran")).toBe(0);
    expect(await resultValue(page(), "elapsedMs")).toBe(10_000);
    await expect(page().getByTestId("goal-deadline")).toHaveAttribute("data-met", "true");
    await page().getByTestId("explore-button").click();
    const result = page().getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "false", { timeout: 30_000 });
  });

  test("with jitter and a timeout per attempt, hung requests are cut and retried: every client succeeds", async () => {
    await setParam(page(), "jitter", "full");
    await setParam(page(), "attemptTimeoutMs", 1000);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "succeeded")).toBe(30);
    expect(await resultValue(page(), "attemptTimeouts")).toBe(2);
    expect(await resultValue(page(), "maxMs")).toBe(4919);
    await expect(page().getByTestId("goal-per-attempt")).toHaveAttribute("data-met", "true");
  });

  test("exercise 6: the same settings with back-offs of minutes, the figure reference.py prints for them", async () => {
    await setParam(page(), "baseDelayMs", 30_000);
    await setParam(page(), "attempts", 8);
    await setParam(page(), "deadlineMs", 600_000);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "succeeded")).toBe(30);
    expect(await resultValue(page(), "maxMs")).toBe(151_746);
  });

  test("the Python tab shows the reference, on a virtual-clock loop", async () => {
    await page().getByTestId("tab-python").click();
    await expect(page().getByTestId("python-reference")).toContainText("except (ServiceError, TimeoutError)");
    await expect(page().getByTestId("python-reference")).toContainText("class VirtualClockLoop");
    await page().getByTestId("tab-scenario").click();
  });
});
