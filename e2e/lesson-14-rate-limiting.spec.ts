import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { onePageForTheFile } from "./one-page";
import { openLesson, resultValue, run, savedCode, setParam } from "./lesson-page";

const SLUG = "14-rate-limiting-and-backpressure";
const solution = readFileSync(new URL(`../lessons/${SLUG}/solution.ts`, import.meta.url), "utf8");

// Lesson 14 in the built site: one spike of requests meets each limiter, on
// the virtual clock, so that every figure below is the same in every run.
test.describe("the rate-limiting lesson", () => {
  const page = onePageForTheFile();

  test("with no limiter the whole spike reaches the backend", async () => {
    await openLesson(page(), SLUG);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "offered")).toBe(120);
    expect(await resultValue(page(), "admitted")).toBe(120);
    expect(await resultValue(page(), "peakInFlight")).toBe(8);
    await expect(page().getByTestId("goal-flood")).toHaveAttribute("data-met", "true");
  });

  test("a semaphore caps the backend at its permits, and the line waits: 40 in line, 2.2 s for the slowest", async () => {
    await setParam(page(), "limiter", "semaphore");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "peakInFlight")).toBe(4);
    expect(await resultValue(page(), "rejected")).toBe(0);
    expect(await resultValue(page(), "peakWaiting")).toBe(40);
    expect(await resultValue(page(), "maxLatencyMs")).toBe(2200);
    await expect(page().getByTestId("goal-cap-concurrency")).toHaveAttribute("data-met", "true");
  });

  test("a token bucket lets the saved burst through, then its rate, and refuses the rest with 429", async () => {
    await setParam(page(), "limiter", "token-bucket");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "admitted")).toBe(79);
    expect(await resultValue(page(), "rejected")).toBe(41);
    expect(await resultValue(page(), "peakAdmittedPerSec")).toBe(23);
    expect(await resultValue(page(), "overLimit")).toBe(0);
    await expect(page().getByTestId("result-overLimit")).toHaveText("0"); // not -0
    await expect(page().getByTestId("goal-burst")).toHaveAttribute("data-met", "true");
    // The bucket forms no line: no waiting series; the over-time charts all end when the last answer came.
    await expect(page().getByTestId("result-waiting")).toHaveCount(0);
    const endMs = await resultValue(page(), "endMs");
    for (const series of ["offeredPerSec", "admittedPerSec", "inFlight", "tokens"]) {
      const points = await page().getByTestId(`result-${series}`).getAttribute("data-value");
      expect(points?.split(",").at(-2), series).toBe(String(endMs));
    }
  });

  test("under a heavy spike the starter's bucket spends tokens it does not have", async () => {
    await setParam(page(), "offered", 200);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "overLimit")).toBe(3);
    // The debt is repaid later: as many admitted as the fix admits, and no busier a second.
    expect(await resultValue(page(), "admitted")).toBe(103);
    expect(await resultValue(page(), "peakAdmittedPerSec")).toBe(23);
    await expect(page().getByTestId("goal-heavy-spike")).toHaveAttribute("data-met", "false");

    // At 500 a second, ten pass on one token, and the busiest second holds more than burst + rate.
    await setParam(page(), "offered", 500);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "overLimit")).toBe(9);
    expect(await resultValue(page(), "peakAdmittedPerSec")).toBe(25);
  });

  test("Explore finds the order in which two requests spend one token, at no load at all", async () => {
    await setParam(page(), "offered", 40);
    await page().getByTestId("explore-button").click();
    await expect(page().getByTestId("explore-params")).toContainText("limiter token-bucket");
    const result = page().getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(result).toHaveAttribute("data-kind", "broken");
    await expect(result).toContainText("overLimit is 0");

    // Gone to in step mode, the same order ends with the bucket overspent.
    await page().getByTestId("explore-jump").click();
    await expect(page().getByTestId("step-mode")).toHaveAttribute("data-tasks", "true");
    await expect(page().getByTestId("step-goal-invariant")).toHaveAttribute("data-passed", "false", { timeout: 30_000 });
    await page().getByTestId("step-close").click();
  });

  test("a sliding window refuses the excess at once, and a bounded queue pushes back on the client", async () => {
    await setParam(page(), "limiter", "sliding-window");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "rejected")).toBe(48);
    expect(await resultValue(page(), "peakAdmittedPerSec")).toBe(16);
    expect(await resultValue(page(), "maxLatencyMs")).toBe(200);
    await expect(page().getByTestId("goal-window-429")).toHaveAttribute("data-met", "true");

    await setParam(page(), "limiter", "bounded-queue");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "rejected")).toBe(0);
    expect(await resultValue(page(), "served")).toBe(120);
    expect(await resultValue(page(), "peakWaiting")).toBe(4);
    expect(await resultValue(page(), "producerLagMs")).toBe(1800);
    await expect(page().getByTestId("goal-backpressure")).toHaveAttribute("data-met", "true");
  });

  test("the solution's bucket takes before it awaits: it keeps its promise under the spike, and Explore finds no failing order", async () => {
    page().once("dialog", (dialog) => dialog.accept());
    await page().getByTestId("solve-button").click();
    await expect.poll(() => savedCode(page(), SLUG)).toBe(solution);
    await expect(page().getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
    await setParam(page(), "limiter", "token-bucket");
    await setParam(page(), "offered", 200);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "overLimit")).toBe(0);
    expect(await resultValue(page(), "admitted")).toBe(103);
    await expect(page().getByTestId("goal-heavy-spike")).toHaveAttribute("data-met", "true");
    await page().getByTestId("explore-button").click();
    await expect(page().getByTestId("explore-result")).toHaveAttribute("data-found", "false", { timeout: 30_000 });
    await expect(page().getByTestId("explore-result")).toHaveAttribute("data-complete", "true");
  });

  test("the Python tab shows the reference, with the three token buckets", async () => {
    await page().getByTestId("tab-python").click();
    await expect(page().getByTestId("python-reference")).toContainText("class CheckThenActBucket");
    await expect(page().getByTestId("python-reference")).toContainText("asyncio.Queue(maxsize=s.limit)");
    await page().getByTestId("tab-scenario").click();
  });
});
