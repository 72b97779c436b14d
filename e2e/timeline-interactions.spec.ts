import { expect, test } from "@playwright/test";
import { openLesson, replaceCode, run, setParam } from "./lesson-page";
import { onePageForTheFile } from "./one-page";
import { plotPoint, settledTimeline, shownFractions } from "./timeline-view";
import { oppositeOrder } from "./scenarios";

const lessonPage = onePageForTheFile();

test.beforeAll(async () => {
  await openLesson(lessonPage());
});

/** A holds the door for most of the run while B waits for it: a run of about 700 ms with something to look at. */
const heldDoor = `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: (shared) => ({ door: shared.lock("door") }),
  worker: ({ door }, { id, io }) => {
    if (id === 1) io(100);
    door.acquire();
    io(id === 0 ? 600 : 50);
    door.release();
  },
  result: () => ({}),
});
`;

test("after a run the timeline zooms with ctrl+wheel at the pointer, scrolls by dragging, the overview's clicks and keys move its window, and the tooltip says what a lane was doing", async () => {
  const page = lessonPage();
  await replaceCode(page, heldDoor);
  expect(await run(page)).toBe("done");
  const canvas = await settledTimeline(page);
  const fractions = () => shownFractions(page);
  await expect.poll(fractions).toEqual({ start: 0, span: 1 });

  await canvas.hover({ position: await plotPoint(canvas, 0.75, 0) });
  await page.keyboard.down("Control");
  // e^(347 * 0.002): twice as close.
  await page.mouse.wheel(0, -347);
  await page.keyboard.up("Control");
  // The time under the pointer, three quarters across, stays under it: the window is [0.375, 0.875] of the run.
  await expect.poll(async () => (await fractions()).span).toBeCloseTo(0.5, 1);
  await expect.poll(async () => (await fractions()).start).toBeCloseTo(0.375, 1);

  // Dragging the plot a fifth of its width to the left shows a fifth of the window later.
  const box = (await canvas.boundingBox())!;
  const from = await plotPoint(canvas, 0.6, 1);
  const to = await plotPoint(canvas, 0.4, 1);
  const before = (await fractions()).start;
  await page.mouse.move(box.x + from.x, box.y + from.y);
  await page.mouse.down();
  await page.mouse.move(box.x + to.x, box.y + to.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await fractions()).start - before).toBeCloseTo(0.1, 1);
  await expect.poll(async () => (await fractions()).span).toBeCloseTo(0.5, 1);

  const overview = page.getByTestId("timeline-overview");
  await overview.focus();
  await page.keyboard.press("Home");
  await expect.poll(fractions).toMatchObject({ start: 0 });
  await expect(overview).toHaveAttribute("aria-valuenow", "0");
  await page.keyboard.press("End");
  await expect.poll(async () => (await fractions()).start).toBeCloseTo(0.5, 2);
  await expect(overview).toHaveAttribute("aria-valuenow", "100");
  // An arrow scrolls a tenth of the window; Page Up nine tenths.
  await page.keyboard.press("ArrowLeft");
  await expect.poll(async () => (await fractions()).start).toBeCloseTo(0.45, 2);
  await page.keyboard.press("PageUp");
  await expect.poll(async () => (await fractions()).start).toBeCloseTo(0, 2);
  await page.keyboard.press("PageDown");
  await expect.poll(async () => (await fractions()).start).toBeCloseTo(0.45, 2);
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await fractions()).start).toBeCloseTo(0.5, 2);
  // + zooms in around the window's middle, - back out.
  await page.keyboard.press("+");
  await expect.poll(fractions).toEqual({ start: expect.closeTo(0.625, 2), span: expect.closeTo(0.25, 2) });
  await page.keyboard.press("-");
  await expect.poll(fractions).toEqual({ start: expect.closeTo(0.5, 2), span: expect.closeTo(0.5, 2) });

  // A click on the overview centres the window there.
  const strip = (await overview.boundingBox())!;
  const { x } = await plotPoint(canvas, 0.4, 0);
  await page.mouse.click(strip.x + x, strip.y + strip.height / 2);
  await expect.poll(fractions).toEqual({ start: expect.closeTo(0.15, 1), span: expect.closeTo(0.5, 2) });

  await overview.focus();
  await page.keyboard.press("0");
  await expect.poll(fractions).toEqual({ start: 0, span: 1 });

  // Six tenths through, A sleeps holding the door and B waits for it. The run is the workers' start s, A's 600 ms and B's
  // last I/O (50 ms, or four times that on a loaded machine): 0.6 of it falls in B's wait, from s + 100 to s + 600, for
  // any start up to 700 ms and such an I/O; three quarters fell after the wait once B's 50 ms took 233.
  const tip = page.getByTestId("timeline-tip");
  await canvas.hover({ position: await plotPoint(canvas, 0.6, 1) });
  await expect(tip).toContainText("B: waiting on door");
  const times = /from (\d+) ms, for (\d+) ms/.exec((await tip.textContent()) ?? "");
  expect(times, "the tooltip gives the segment's start and duration").not.toBeNull();
  // B slept 100 ms, then waited while A slept out its 600 ms.
  expect(Number(times![1])).toBeGreaterThanOrEqual(100);
  expect(Number(times![2])).toBeGreaterThanOrEqual(300);
  await canvas.hover({ position: await plotPoint(canvas, 0.6, 0) });
  await expect(tip).toContainText("A: in I/O");
  await page.getByTestId("run-button").hover();
  await expect(tip).toHaveCount(0);
});


test("after the watchdog stops a deadlock, the timeline marks both lanes deadlocked, and the tooltip says on what", async () => {
  const page = lessonPage();
  await replaceCode(page, oppositeOrder);
  expect(await run(page)).toBe("deadlock");
  const canvas = await settledTimeline(page);
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-deadlocked", "2");
  await expect(canvas).toHaveAttribute("aria-label", /, 2 deadlocked\./);
  await canvas.hover({ position: await plotPoint(canvas, 0.99, 0) });
  await expect(page.getByTestId("timeline-tip")).toContainText("A: waiting on right");
  await expect(page.getByTestId("timeline-tip")).toContainText("deadlocked: waiting for lock right held by B");
});

/** Far more marks than a trace ring holds (8,192 events), faster than the page drains it. */
const manyMarks = `import { defineScenario, param } from "interleave";
export default defineScenario({
  params: { marks: param.int({ default: 10, min: 1, max: 1_000_000 }) },
  workers: 2,
  setup: () => ({}),
  worker: (_, { mark, params }) => {
    for (let i = 0; i < params.marks; i++) mark(i);
  },
  result: () => ({}),
});
`;

test("trace events lost because the page fell behind are counted under the timeline, and only then", async () => {
  const page = lessonPage();
  await replaceCode(page, manyMarks);
  await expect(page.getByTestId("param-marks")).toBeVisible();
  expect(await run(page)).toBe("done");
  await settledTimeline(page);
  await expect(page.getByTestId("timeline-dropped")).toHaveCount(0);
  await setParam(page, "marks", 500_000);
  expect(await run(page)).toBe("done");
  await expect(page.getByTestId("timeline-dropped")).toHaveText(/^[\d,]+ trace events were lost because the page fell behind/);
  const lost = Number((await page.getByTestId("timeline-dropped").textContent())!.split(" ")[0]!.replaceAll(",", ""));
  // Two workers wrote a million events; the rings hold 16,384 of them at a time.
  expect(lost).toBeGreaterThan(100_000);
  expect(lost).toBeLessThan(1_000_000);
});
