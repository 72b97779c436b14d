import { expect, test, type Locator, type Page } from "@playwright/test";
import { geometry, laneTop, WITH_LOOP, type Geometry } from "../app/ui/timeline/geometry";
import { replaceCode, resultValue, run } from "./lesson-page";
import { settledTimeline } from "./timeline-view";

/** Two tasks fetch over and over while a third does CPU work on the loop: everything due meanwhile waits for it. */
const busyLoop = `import { defineAsyncScenario } from "interleave";

export default defineAsyncScenario({
  params: {},
  clock: () => "real",
  setup: () => ({ fetched: 0, cpuMs: 0 }),
  main: async (state, loop) => {
    const fetcher = async () => {
      for (let i = 0; i < 30; i++) {
        await loop.io(0.01);
        state.fetched += 1;
      }
    };
    const crunch = async () => {
      await loop.sleep(0.05);
      const began = loop.time();
      loop.cpu(200);
      state.cpuMs = (loop.time() - began) * 1000;
    };
    await loop.gather([loop.createTask(fetcher, "fetch-users"), loop.createTask(fetcher, "fetch-orders"), loop.createTask(crunch, "crunch")]);
  },
  result: (state) => ({ fetched: state.fetched, cpuMs: state.cpuMs }),
});
`;

const LANES = ["A", "main", "fetch-users", "fetch-orders", "crunch"];

/** What the tooltip says over lane `lane` at `fraction` across the plot. */
async function tipAt(page: Page, canvas: Locator, geo: Geometry, fraction: number, lane: number): Promise<string> {
  const tip = page.getByTestId("timeline-tip");
  await canvas.hover({ position: { x: geo.plotLeft + fraction * geo.plotWidth, y: laneTop(geo, lane) + geo.laneHeight / 2 } });
  await expect(tip.locator("div").first()).toHaveText(new RegExp(`^${LANES[lane]}: `));
  return (await tip.textContent())!;
}

// Issue 10's timeline for asyncio: a lane per task under the loop's worker, and the loop's lag under them.
test("an asyncio run's timeline has a lane per task by name, and CPU work on the loop shows as a lag spike as long as the work", async ({ page }) => {
  await page.goto("./#/playground");
  await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
  await replaceCode(page, busyLoop);
  expect(await run(page)).toBe("done");
  expect(await resultValue(page, "fetched")).toBe(60);
  const cpuMs = await resultValue(page, "cpuMs");
  expect(cpuMs).toBeGreaterThan(100);

  const canvas = await settledTimeline(page);
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toHaveAttribute("data-lanes", String(LANES.length));
  await expect(timeline).toHaveAttribute("data-tasks", "4");
  await expect(canvas).toHaveAttribute("aria-label", /^Timeline of 1 worker and 4 asyncio tasks, with the loop's lag under them/);
  // A fetch was due within 10 ms of the work's start, and waited for all the rest of it.
  expect(Number(await timeline.getAttribute("data-lag-peak"))).toBeGreaterThanOrEqual(cpuMs - 15);

  const box = (await canvas.boundingBox())!;
  const geo = geometry(box.width, box.height, LANES.length, WITH_LOOP);
  // Each lane says whose it is; somewhere along crunch's, it runs the whole CPU chunk in one step.
  const samples = 40;
  let chunk: { readonly at: number; readonly from: number; readonly ms: number } | null = null;
  for (let k = 0; k < samples && chunk === null; k++) {
    const at = (k + 0.5) / samples;
    const step = /^crunch: running\s*from ([\d.]+) ms, for ([\d.]+) ms/.exec(await tipAt(page, canvas, geo, at, 4));
    if (step && Number(step[2]) >= cpuMs - 5) chunk = { at, from: Number(step[1]), ms: Number(step[2]) };
  }
  expect(chunk, "crunch's lane shows its CPU chunk as one running step").not.toBeNull();
  // Meanwhile the others wait: their I/O is due, but the loop is busy.
  expect(await tipAt(page, canvas, geo, chunk!.at, 1)).toMatch(/^main: awaiting a gather of task fetch-users, task fetch-orders, task crunch/);
  for (const lane of [2, 3]) expect(await tipAt(page, canvas, geo, chunk!.at, lane)).toMatch(new RegExp(`^${LANES[lane]}: awaiting I/O of 0.01 s`));

  // Under the lanes, the lag chart: by the chunk's end, the loop was late by most of the chunk.
  const whole = await runMs(page);
  const x = geo.plotLeft + ((chunk!.from + chunk!.ms) / whole) * geo.plotWidth - 2;
  await canvas.hover({ position: { x, y: geo.lagTop + geo.lagHeight / 2 } });
  const lag = /^loop lag: ([\d.]+) ms here/.exec((await page.getByTestId("timeline-tip").textContent()) ?? "");
  expect(lag, "the tooltip over the lag chart says how late the loop was").not.toBeNull();
  expect(Number(lag![1])).toBeGreaterThanOrEqual(0.8 * cpuMs);
});

/** The whole run's length in ms, as the overview says it. */
async function runMs(page: Page): Promise<number> {
  const text = (await page.getByTestId("timeline-overview").getAttribute("aria-valuetext")) ?? "";
  const [, number, unit] = / of ([\d.]+) (ms|s)$/.exec(text)!;
  return Number(number) * (unit === "s" ? 1000 : 1);
}
