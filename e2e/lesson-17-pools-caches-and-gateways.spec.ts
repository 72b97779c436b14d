import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { onePageForTheFile } from "./one-page";
import { openLesson, resultValue, run, savedCode, setParam } from "./lesson-page";

const SLUG = "17-pools-caches-and-gateways";
const solution = readFileSync(new URL(`../lessons/${SLUG}/solution.ts`, import.meta.url), "utf8");

// Lesson 17 in the built site: a connection pool and a caching gateway on the
// virtual clock, so that every figure below is the same in every run.
test.describe("the pools, caches and gateways lesson", () => {
  const page = onePageForTheFile();

  test("the defaults: the pool grows to its maximum in the first burst and is reaped back to its minimum in the quiet", async () => {
    await openLesson(page(), SLUG);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "timeouts")).toBe(0);
    expect(await resultValue(page(), "peakOpen")).toBe(5);
    expect(await resultValue(page(), "opened")).toBe(8);
    expect(await resultValue(page(), "reaped")).toBe(3);
    expect(await resultValue(page(), "openAtSecondBurst")).toBe(2);
    expect(await resultValue(page(), "p95Ms")).toBe(150);
    await expect(page().getByTestId("goal-grow-and-reap")).toHaveAttribute("data-met", "true");
    await expect(page().getByTestId("chart-0")).toBeVisible();
  });

  test("a warm pool opens nothing after the start, and p95 loses the handshake", async () => {
    await setParam(page(), "minSize", 5);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "opened")).toBe(5);
    expect(await resultValue(page(), "reaped")).toBe(0);
    expect(await resultValue(page(), "p95Ms")).toBe(100);
    await expect(page().getByTestId("goal-warm")).toHaveAttribute("data-met", "true");
  });

  test("a minimum above the maximum is refused with a readable error", async () => {
    await setParam(page(), "maxSize", 2);
    expect(await run(page())).toBe("error");
    await expect(page().getByTestId("run-error")).toContainText("minSize (5) is larger than maxSize (2)");
  });

  test("an exhausted pool answers 503 past the acquire timeout, and the health check says degraded", async () => {
    await setParam(page(), "minSize", 2);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "timeouts")).toBe(8);
    expect(await resultValue(page(), "peakOpen")).toBe(2);
    expect(await resultValue(page(), "degradedChecks")).toBe(16);
    await expect(page().getByTestId("goal-exhausted")).toHaveAttribute("data-met", "true");
  });

  test("the gateway's cache answers most requests, but the starter stampedes the backend", async () => {
    await setParam(page(), "maxSize", 5);
    await setParam(page(), "mode", "gateway");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "hitRatio")).toBe(55);
    expect(await resultValue(page(), "p50Ms")).toBe(0);
    expect(await resultValue(page(), "backendCalls")).toBe(18);
    expect(await resultValue(page(), "duplicateFetches")).toBe(10);
    await expect(page().getByTestId("goal-cached")).toHaveAttribute("data-met", "true");
    await expect(page().getByTestId("goal-single-flight")).toHaveAttribute("data-met", "false");
  });

  test("Explore finds two fetches of one key in a small run that has none when run freely", async () => {
    const small = { requests: 2, keys: 1, handlers: 2, quietMs: 100, minSize: 1, maxSize: 2 };
    for (const [name, value] of Object.entries(small)) await setParam(page(), name, value);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "duplicateFetches")).toBe(0);
    await page().getByTestId("explore-button").click();
    await expect(page().getByTestId("explore-params")).toContainText("requests 2, minSize 1, maxSize 2");
    const result = page().getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(result).toHaveAttribute("data-kind", "broken");
    await expect(result).toContainText("duplicateFetches is 0");

    // Gone to in step mode, the same order ends with the key fetched twice.
    await page().getByTestId("explore-jump").click();
    await expect(page().getByTestId("step-mode")).toHaveAttribute("data-tasks", "true");
    await expect(page().getByTestId("step-goal-invariant")).toHaveAttribute("data-passed", "false", { timeout: 30_000 });
    await page().getByTestId("step-close").click();
    for (const [name, value] of Object.entries({ requests: 40, keys: 4, handlers: 4, quietMs: 1500, minSize: 2, maxSize: 5 })) await setParam(page(), name, value);
  });

  test("the solution's single flight serves every waiter from one fetch, and Explore finds no stampede", async () => {
    page().once("dialog", (dialog) => dialog.accept());
    await page().getByTestId("solve-button").click();
    await expect.poll(() => savedCode(page(), SLUG)).toBe(solution);
    await expect(page().getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
    await setParam(page(), "mode", "gateway");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "backendCalls")).toBe(8);
    expect(await resultValue(page(), "joined")).toBe(10);
    expect(await resultValue(page(), "duplicateFetches")).toBe(0);
    await expect(page().getByTestId("goal-single-flight")).toHaveAttribute("data-met", "true");
    await page().getByTestId("explore-button").click();
    await expect(page().getByTestId("explore-result")).toHaveAttribute("data-found", "false", { timeout: 30_000 });
  });

  test("the Python tab shows the reference, with both caches on a virtual-clock loop", async () => {
    await page().getByTestId("tab-python").click();
    await expect(page().getByTestId("python-reference")).toContainText("class SingleFlightCache");
    await expect(page().getByTestId("python-reference")).toContainText("class VirtualClockLoop");
    await page().getByTestId("tab-scenario").click();
  });
});
