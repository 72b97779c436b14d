import { expect, test, type Page } from "@playwright/test";
import { RACE, run } from "./lesson-page";
import { englishInterfaceStrings, englishLeft, shownTexts } from "./interface-strings";

// The course's tour (home, a lesson and its run, step mode, an Explore result) for a browser that prefers Chinese:
// every page speaks zh-CN from the first paint, and no English interface string is left on it. One page, in order.
test.describe.configure({ mode: "serial" });

const english = englishInterfaceStrings();
let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
});
test.afterAll(async () => {
  await page.context().close();
});

async function expectNoEnglishInterface(where: string): Promise<void> {
  expect(englishLeft(await shownTexts(page), english), `English interface strings on ${where}`).toEqual([]);
}

test("the home page follows the browser's language", async () => {
  await page.goto("./#/");
  await expect(page.getByTestId("course-home").locator("h1")).toHaveText("在真实的多核上学 Python 并发");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("lesson-card-03-race-conditions")).toContainText("竞态条件");
  await expectNoEnglishInterface("the home page");
});

test("a lesson, its parameters and a run", async () => {
  await page.getByTestId(`lesson-link-${RACE}`).click();
  await expect(page.getByTestId("lesson-title")).toHaveText("竞态条件");
  await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
  await expect(page.getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
  await expectNoEnglishInterface("the race lesson before a run");
  expect(await run(page)).toBe("done");
  await expect(page.getByTestId("chart-0")).not.toHaveAttribute("data-points", "0");
  await expectNoEnglishInterface("the race lesson after a run");
});

test("step mode", async () => {
  await page.getByTestId("step-start").click();
  await page.getByTestId("step-A").click();
  await expect(page.getByTestId("step-count")).toContainText("1");
  await expectNoEnglishInterface("step mode");
  await page.getByTestId("step-close").click();
});

test("an Explore result", async () => {
  await page.getByTestId("explore-button").click();
  await expect(page.getByTestId("explore-result")).toHaveAttribute("data-found", "true", { timeout: 30_000 });
  await expectNoEnglishInterface("the race lesson's Explore result");
});

test("the switch changes the language on the spot, and the choice is remembered", async () => {
  await page.getByTestId("language-switch").selectOption("en");
  await expect(page.getByTestId("lesson-title")).toHaveText("Race conditions");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByTestId("lesson-title")).toHaveText("Race conditions");
  await page.getByTestId("language-switch").selectOption("zh-CN");
  await expect(page.getByTestId("lesson-title")).toHaveText("竞态条件");
});
