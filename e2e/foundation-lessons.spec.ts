import { expect, test } from "@playwright/test";
import { openLesson, resultValue, run, setParam } from "./lesson-page";

// Speedups on a shared 2-core machine are noisy: these tests check that the
// lessons run and measure, not how fast (the benchmarks do that).
test.describe("Unit 1 lessons run on real workers", () => {
  test("concurrency vs parallelism: each kind and mode measures both phases and charts them", async ({ page }) => {
    await openLesson(page, "01-concurrency-vs-parallelism");
    for (const [kind, mode] of [["cpu", "threads"], ["io", "processes"]] as const) {
      await setParam(page, "kind", kind);
      await setParam(page, "mode", mode);
      await setParam(page, "size", 10);
      expect(await run(page)).toBe("done");
      expect(await resultValue(page, "sequentialMs")).toBeGreaterThan(0);
      expect(await resultValue(page, "concurrentMs")).toBeGreaterThan(0);
      expect(await resultValue(page, "speedup")).toBeGreaterThan(0);
    }
    await expect(page.getByTestId("chart-0")).toHaveAttribute("data-points", "2");
    await expect(page.getByTestId("chart-2")).toHaveAttribute("data-points", "1");
  });

  test("the GIL: a timeline lane per worker shows who held the GIL", async ({ page }) => {
    await openLesson(page, "02-the-gil");
    await setParam(page, "workers", 3);
    await setParam(page, "work", "convoy");
    await setParam(page, "mode", "gil");
    expect(await run(page)).toBe("done");
    expect(await resultValue(page, "ioIdealMs")).toBe(66);
    expect(await resultValue(page, "ioTaskMs")).toBeGreaterThan(0);
    const timeline = page.getByTestId("timeline");
    await expect(timeline).toHaveAttribute("data-lanes", "3");
    expect(Number(await timeline.getAttribute("data-segments"))).toBeGreaterThan(6);
    await expect(page.getByTestId("chart-1")).toHaveAttribute("data-points", "1");
  });
});
