import { expect, test, type Locator } from "@playwright/test";
import { onePageForTheFile } from "./one-page";
import { run } from "./lesson-page";

// Issue 12, usable on a phone: at 390 × 844 nothing scrolls sideways, the course list is a menu, and a lesson shows
// one view at a time (reading, code, results) under a switch that stays at hand.
const PHONE = { width: 390, height: 844 };
const page = onePageForTheFile();
/** The course's lessons, as the home page lists them. */
let lessons: readonly string[] = [];

test.beforeAll(async () => {
  await page().setViewportSize(PHONE);
  await page().goto("./#/");
  lessons = (await testIds(lessonCards())).map((id) => id!.replace("lesson-card-", ""));
  expect(lessons.length).toBeGreaterThan(1);
});

async function expectNoSidewaysScroll(where: string): Promise<void> {
  const width = await page().evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${where} is ${width} px wide`).toBeLessThanOrEqual(PHONE.width);
}

/** Whole on the screen, and nothing covers it: a tap anywhere along its middle is its own. */
async function expectOnTheScreen(target: Locator): Promise<void> {
  await expect(target).toBeInViewport({ ratio: 1 });
  const covered = await target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const xs = Array.from({ length: Math.floor(box.width / 8) }, (_, i) => Math.round(box.x + 4 + i * 8));
    return xs.filter((x) => !element.contains(document.elementFromPoint(x, box.y + box.height / 2)));
  });
  expect(covered, "where something covers it").toEqual([]);
}

const lessonCards = () => page().getByTestId("course-home").locator('a[data-testid^="lesson-card-"][href^="#/lessons/"]');
const testIds = (links: Locator) => links.evaluateAll((elements) => elements.map((e) => e.getAttribute("data-testid")));
const menuToggle = () => page().getByTestId("course-nav-toggle");
const menuLinks = () => page().getByTestId("course-nav").locator('[data-testid^="lesson-link-"]');
const view = (name: "read" | "code" | "results") => page().getByTestId(`view-${name}`);

test("the home page fits the screen, its lessons come first, and the course list is a menu the keyboard opens and closes", async () => {
  await page().goto("./#/");
  await expectNoSidewaysScroll("the home page");
  await expect(lessonCards().first()).toBeInViewport();

  await expect(menuToggle()).toHaveAttribute("aria-expanded", "false");
  await expect(menuLinks().first()).toBeHidden();
  await menuToggle().focus();
  await page().keyboard.press("Enter");
  await expect(menuToggle()).toHaveAttribute("aria-expanded", "true");
  await expect(menuLinks().last()).toBeVisible();
  expect(await testIds(menuLinks())).toEqual(lessons.map((slug) => `lesson-link-${slug}`));
  // A finger picks one lesson, not its neighbour: WCAG's minimum target is 24 px.
  const heights = await menuLinks().evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height));
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(24);
  await page().keyboard.press("Tab");
  await expect(menuLinks().first()).toBeFocused();
  await page().keyboard.press("Escape");
  await expect(menuToggle()).toHaveAttribute("aria-expanded", "false");
  await expect(menuToggle()).toBeFocused();
});

test("every lesson fits the screen in each view; from the end of its text, Code opens with Run on the screen; the menu lists the lessons and opens the next", async () => {
  await page().goto(`./#/lessons/${lessons[0]}`);
  for (const [i, slug] of lessons.entries()) {
    await expect(page().getByTestId(`lesson-link-${slug}`)).toHaveAttribute("aria-current", "page");
    await expect(view("read")).toHaveAttribute("aria-pressed", "true");
    await expect(page().getByTestId("lesson-prose")).toBeVisible();
    await expect(page().getByTestId("run-button")).toBeHidden();
    await expectNoSidewaysScroll(`${slug}, reading`);

    await page().evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(page().getByTestId("view-switch")).toBeInViewport();
    await view("code").click();
    await expect(page().getByTestId("tab-scenario")).toBeInViewport();
    await expectOnTheScreen(page().getByTestId("run-button"));
    await expect(page().getByTestId("lesson-prose")).toBeHidden();
    await expectNoSidewaysScroll(`${slug}, code`);
    // Scrolled on, the editor passes under the switch, which stays on top.
    await page().evaluate(() => window.scrollBy(0, 200));
    await expectOnTheScreen(page().getByTestId("view-switch"));

    await view("results").click();
    await expect(page().getByTestId("run-status")).toBeInViewport();
    await expect(page().getByTestId("run-button")).toBeHidden();
    await expectNoSidewaysScroll(`${slug}, results`);

    await menuToggle().click();
    await expect(menuLinks().last()).toBeVisible();
    expect(await testIds(menuLinks())).toEqual(lessons.map((slug) => `lesson-link-${slug}`));
    const next = lessons[i + 1];
    if (next) await page().getByTestId(`lesson-link-${next}`).click();
    else await menuToggle().click();
    await expect(menuToggle()).toHaveAttribute("aria-expanded", "false");
  }
});

test("a run from the Code view ends on Results, its outcome on the screen; the timeline's tooltips stay on the screen", async () => {
  // The event loop's lesson runs on the virtual clock: the same timeline every time, with task lanes and the lag chart.
  await page().goto("./#/lessons/12-the-event-loop");
  await view("code").click();
  expect(await run(page())).toBe("done");
  await expect(view("results")).toHaveAttribute("aria-pressed", "true");
  await expect(page().getByTestId("run-status")).toBeInViewport();
  await expect(page().getByTestId("goals")).toBeVisible();

  const canvas = page().getByTestId("timeline-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const tip = page().getByTestId("timeline-tip");
  let tips = 0;
  for (let x = 0.05; x < 1; x += 0.1) {
    for (let y = 0.1; y < 1; y += 0.2) {
      await page().mouse.move(box.x + box.width * x, box.y + box.height * y);
      if ((await tip.count()) === 0) continue;
      const shown = (await tip.boundingBox())!;
      tips++;
      expect(shown.x, `the tooltip at (${x.toFixed(2)}, ${y.toFixed(2)})`).toBeGreaterThanOrEqual(0);
      expect(shown.x + shown.width, `the tooltip at (${x.toFixed(2)}, ${y.toFixed(2)})`).toBeLessThanOrEqual(PHONE.width);
      await expectNoSidewaysScroll(`the timeline with a tooltip at (${x.toFixed(2)}, ${y.toFixed(2)})`);
    }
  }
  expect(tips).toBeGreaterThan(0);
});

test("a run that ends while the student reads leaves them reading, and marks Results as new until they look", async () => {
  await page().goto("./#/lessons/12-the-event-loop");
  await view("read").click();
  const status = page().getByTestId("run-status");
  const before = Number(await status.getAttribute("data-runs"));
  await page().keyboard.press("ControlOrMeta+Enter");
  await expect(status).toHaveAttribute("data-runs", String(before + 1));
  await expect(view("read")).toHaveAttribute("aria-pressed", "true");
  await expect(page().getByTestId("view-results-new")).toBeVisible();
  await view("results").click();
  await expect(page().getByTestId("view-results-new")).toHaveCount(0);
});

test("the playground fits the screen in each view, with its promise beside the text and Run on the screen", async () => {
  await page().goto("./#/playground");
  await expect(page().getByTestId("playground-promise")).toBeVisible();
  await expectNoSidewaysScroll("the playground, reading");
  await view("code").click();
  await expectOnTheScreen(page().getByTestId("run-button"));
  await expectNoSidewaysScroll("the playground, code");
  await view("results").click();
  await expectNoSidewaysScroll("the playground, results");
});

test("on a wide screen the lesson list and every part of a lesson show together, with no menu and no switch", async () => {
  await page().setViewportSize({ width: 1280, height: 720 });
  await page().goto(`./#/lessons/${lessons[0]}`);
  await expect(page().getByTestId("run-button")).toBeVisible();
  await expect(page().getByTestId("lesson-prose")).toBeVisible();
  await expect(page().getByTestId("run-status")).toBeVisible();
  await expect(menuLinks().first()).toBeVisible();
  await expect(menuToggle()).toHaveCount(0);
  await expect(page().getByTestId("view-switch")).toHaveCount(0);
});
