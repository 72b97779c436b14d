import { expect, test } from "@playwright/test";
import { openLesson, resultValue, run } from "./lesson-page";
import { onePageForTheFile } from "./one-page";

// A chart for those who cannot see it: a name, and its numbers as a table.
test.describe("a chart has a name and its numbers as a table", () => {
  const lessonPage = onePageForTheFile();

  test("the race lesson's first chart is an image named by its title, and its table holds each run's result", async () => {
    const page = lessonPage();
    await openLesson(page);
    const chart = page.getByTestId("chart-0");
    const title = (await chart.locator("figcaption").textContent()) ?? "";
    expect(title).not.toBe("");
    const table = chart.getByTestId("chart-table");
    const actualColumn = async () => (await table.locator("thead th").allTextContents()).indexOf("actual");

    for (const runs of [1, 2]) {
      expect(await run(page)).toBe("done");
      await expect(chart.getByRole("img", { name: title })).toBeVisible();
      if (runs === 1) {
        const summary = chart.getByText("Show the numbers");
        await expect(summary).toBeVisible();
        await summary.focus();
        await page.keyboard.press("Enter");
      }
      await expect(table).toBeVisible();
      await expect(table.locator("tbody tr")).toHaveCount(runs);
      const last = table.locator("tbody tr").last();
      await expect(last.locator("th")).toHaveText(new RegExp(`^#${runs}\\b`));
      const column = await actualColumn();
      expect(column).toBeGreaterThan(0);
      const cell = last.locator("th, td").nth(column);
      expect(Number((await cell.textContent())?.replace(/,/g, ""))).toBe(await resultValue(page, "actual"));
    }
  });
});
