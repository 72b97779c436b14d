import { expect, test, type Page } from "@playwright/test";
import { RACE, run } from "./lesson-page";
import { englishInterfaceStrings, englishLeft, shownTexts } from "./interface-strings";

// The course's tour (home, a lesson and its run, step mode, an Explore result) for a browser that prefers Chinese, and
// for one that prefers English: every page speaks the browser's language from the first paint, and no interface
// string of the other language is left on it. One page per language, in order.
const TOURS = [
  { locale: "zh-CN", course: "在真实的多核上学 Python 并发", race: "竞态条件", other: "English" },
  { locale: "en-US", course: "Python concurrency, on real cores", race: "Race conditions", other: "Chinese" },
] as const;

const english = englishInterfaceStrings();
const HAN = /\p{Script=Han}/u;

for (const tour of TOURS) {
  test.describe(`the tour in ${tour.locale}`, () => {
    test.describe.configure({ mode: "serial" });
    let page: Page;

    test.beforeAll(async ({ browser }) => {
      page = await (await browser.newContext({ locale: tour.locale })).newPage();
    });
    test.afterAll(async () => {
      await page.context().close();
    });

    async function expectOnlyThisLanguage(where: string): Promise<void> {
      const texts = await shownTexts(page);
      const left = tour.locale === "zh-CN" ? englishLeft(texts, english) : texts.filter(({ text }) => HAN.test(text)).map(({ text }) => text);
      expect(left, `${tour.other} interface strings on ${where}`).toEqual([]);
    }

    test("the home page follows the browser's language", async () => {
      await page.goto("./#/");
      await expect(page.getByTestId("course-home").locator("h1")).toHaveText(tour.course);
      await expect(page.locator("html")).toHaveAttribute("lang", tour.locale === "zh-CN" ? "zh-CN" : "en");
      await expect(page.getByTestId(`lesson-card-${RACE}`)).toContainText(tour.race);
      await expectOnlyThisLanguage("the home page");
    });

    test("a lesson, its parameters and a run", async () => {
      await page.getByTestId(`lesson-link-${RACE}`).click();
      await expect(page.getByTestId("lesson-title")).toHaveText(tour.race);
      await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
      await expect(page.getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
      await expectOnlyThisLanguage("the race lesson before a run");
      expect(await run(page)).toBe("done");
      await expect(page.getByTestId("chart-0")).not.toHaveAttribute("data-points", "0");
      await expectOnlyThisLanguage("the race lesson after a run");
    });

    test("step mode", async () => {
      await page.getByTestId("step-start").click();
      await page.getByTestId("step-A").click();
      await expect(page.getByTestId("step-count")).toContainText("1");
      await expectOnlyThisLanguage("step mode");
      await page.getByTestId("step-close").click();
    });

    test("an Explore result", async () => {
      await page.getByTestId("explore-button").click();
      await expect(page.getByTestId("explore-result")).toHaveAttribute("data-found", "true", { timeout: 30_000 });
      await expectOnlyThisLanguage("the race lesson's Explore result");
    });
  });
}

test("the switch changes the language on the spot, and the choice is remembered over the browser's", async ({ browser }) => {
  const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await page.goto(`./#/lessons/${RACE}`);
  await expect(page.getByTestId("lesson-title")).toHaveText("竞态条件");
  await page.getByTestId("language-switch").selectOption("en");
  await expect(page.getByTestId("lesson-title")).toHaveText("Race conditions");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByTestId("lesson-title")).toHaveText("Race conditions");
  await expect(page.getByTestId("language-switch")).toHaveValue("en");
  await page.context().close();
});
