import { expect, test, type Page } from "@playwright/test";
import { geometry, laneTop } from "../app/ui/timeline/geometry";
import { openLesson, resultValue, run, setParam } from "./lesson-page";
import { onePageForTheFile } from "./one-page";

// Speedups on a shared 2-core machine are noisy: these tests check what no
// load can upset (waits overlap; a wait lasts at least its time; the speedup
// is the ratio of the times shown; one holder of the GIL at a time), not how
// fast computing goes (the benchmarks do that).
test.describe("Unit 1 lessons run on real workers", () => {
  // Each test opens a lesson of its own.
  const lessonPage = onePageForTheFile({ serial: false });

  test("concurrency vs parallelism: each kind measures both phases, its speedup is their ratio, and waits overlap", async () => {
    const page = lessonPage();
    await openLesson(page, "01-concurrency-vs-parallelism");
    await setParam(page, "tasks", 4);
    for (const [kind, size] of [["cpu", 10], ["io", 100]] as const) {
      await setParam(page, "kind", kind);
      await setParam(page, "mode", "threads");
      await setParam(page, "size", size);
      expect(await run(page)).toBe("done");
      const sequentialMs = await resultValue(page, "sequentialMs");
      const concurrentMs = await resultValue(page, "concurrentMs");
      expect(concurrentMs).toBeGreaterThan(0);
      // Rounded to hundredths by the scenario.
      expect(Math.abs((await resultValue(page, "speedup")) - sequentialMs / concurrentMs)).toBeLessThanOrEqual(0.005);
      if (kind === "io") {
        // Four waits of 100 ms one after another, then at once: no machine makes a wait shorter.
        expect(sequentialMs).toBeGreaterThanOrEqual(4 * size);
        expect(concurrentMs).toBeGreaterThanOrEqual(size);
        // Waits overlap under the GIL, whatever the load: the tasks count themselves in while they wait.
        // (Not the io-threads goal: its speedup of 3 is a time, which a loaded machine can stretch.)
        expect(await resultValue(page, "waitingAtOnce")).toBeGreaterThanOrEqual(2);
      }
    }
    await expect(page.getByTestId("chart-0")).toHaveAttribute("data-points", "2");
    await expect(page.getByTestId("chart-2")).toHaveAttribute("data-points", "1");
  });

  test("the GIL: a timeline lane per worker shows who held the GIL, one worker at a time, and the convoy it makes", async () => {
    const page = lessonPage();
    await openLesson(page, "02-the-gil");
    await setParam(page, "workers", 3);
    await setParam(page, "work", "convoy");
    await setParam(page, "mode", "gil");
    expect(await run(page)).toBe("done");
    // A's 30 waits of 2 ms each last at least that long; after each one it queues for the GIL behind B and C.
    expect(await resultValue(page, "ioTaskMs")).toBeGreaterThanOrEqual(60);
    await expect(page.getByTestId("goal-convoy")).toHaveAttribute("data-met", "true");
    await expect(page.getByTestId("timeline")).toHaveAttribute("data-lanes", "3");
    await expect(page.getByTestId("timeline")).toHaveAttribute("data-live", "false");
    // At no moment do two lanes hold the GIL; at some, one holds it while another wants it. (Which of B and C
    // holds it when is the machine's to choose: under load one may keep it for many intervals.)
    const states = await statesAcross(page, ["A", "B", "C"], 15);
    for (const atOnce of states) expect(atOnce.filter((state) => state === "holding the GIL").length).toBeLessThanOrEqual(1);
    expect(states.some((atOnce) => atOnce.includes("holding the GIL") && atOnce.includes("wants the GIL"))).toBe(true);
    await expect(page.getByTestId("chart-1")).toHaveAttribute("data-points", "1");
  });
});

/**
 * What the timeline's tooltip says each lane was doing at `samples` moments
 * spread over the run: one list per moment, a state per lane. The lanes are
 * hovered in turn at one x, so each reading is fresh (it names its lane).
 */
async function statesAcross(page: Page, lanes: readonly string[], samples: number): Promise<string[][]> {
  const canvas = page.getByTestId("timeline-canvas");
  const box = (await canvas.boundingBox())!;
  const geo = geometry(box.width, box.height, lanes.length);
  const tip = page.getByTestId("timeline-tip").locator("div").first();
  const moments: string[][] = [];
  for (let k = 0; k < samples; k++) {
    const x = Math.round(geo.plotLeft + ((k + 0.5) * geo.plotWidth) / samples);
    const atOnce: string[] = [];
    for (const [lane, name] of lanes.entries()) {
      await canvas.hover({ position: { x, y: laneTop(geo, lane) + geo.laneHeight / 2 } });
      await expect(tip).toHaveText(new RegExp(`^${name}: `));
      atOnce.push((await tip.textContent())!.slice(name.length + 2));
    }
    moments.push(atOnce);
  }
  return moments;
}
