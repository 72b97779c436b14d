/**
 * Drives a lesson page of the built site as a student does (selectors from
 * e2e/README.md): set the parameters, press Run, wait for the run to end, and
 * read its result fields, its body time, and a value off a chart's tooltip.
 */

// Generous: a busy machine can take tens of seconds to load the editor.
const OPEN_LIMIT_MS = 120_000;
const RUN_LIMIT_MS = 90_000;
// Playwright polls on every animation frame by default, which makes the page produce frames the whole run long.
const POLL_MS = 100;

export class LessonPage {
  constructor(page) {
    this.page = page;
  }

  static async open(browser, baseUrl, slug) {
    // Tall and wide, so that the charts render at their full size.
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${baseUrl}#/lessons/${slug}`, { timeout: OPEN_LIMIT_MS });
    await page.getByTestId("code-editor").locator(".view-lines").waitFor({ timeout: OPEN_LIMIT_MS });
    await page.locator('[data-testid="params"]:not([aria-busy="true"])').waitFor({ timeout: OPEN_LIMIT_MS });
    if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error("the lesson page is not cross-origin isolated");
    return new LessonPage(page);
  }

  /** Sets the parameters, runs, and returns the result's fields and the body's time in ms. */
  async run(params) {
    const { page } = this;
    for (const [name, value] of Object.entries(params)) {
      const control = page.getByTestId(`param-${name}`);
      if (typeof value === "string") await control.selectOption(value);
      else await control.fill(String(value));
    }
    const status = page.getByTestId("run-status");
    const before = await status.textContent();
    await page.getByTestId("run-button").click();
    // Every run's summary names it ("Run 3 finished ..."), so a changed text is this run's end.
    await page.waitForFunction(
      ([selector, previous]) => {
        const element = document.querySelector(selector);
        return element?.getAttribute("data-status") !== "running" && element?.textContent !== previous;
      },
      ['[data-testid="run-status"]', before],
      { timeout: RUN_LIMIT_MS, polling: POLL_MS },
    );
    const ended = await status.getAttribute("data-status");
    if (ended !== "done") throw new Error(`a run of ${JSON.stringify(params)} ended ${ended}: ${await status.textContent()}`);
    const fields = await page.locator('[data-testid^="result-"]').evaluateAll((elements) =>
      Object.fromEntries(elements.map((e) => [e.dataset.testid.slice("result-".length), Number(e.dataset.value)])),
    );
    return { fields, bodyMs: bodyMs(await status.textContent()) };
  }

  /** The latest run's value in the chart titled `title`, read off the tooltip over its last bar. */
  async latestInChart(title) {
    const chart = this.page.locator("figure.chart", { hasText: title });
    // The plot, not a legend icon (both are recharts surfaces).
    const plot = chart.locator(".recharts-wrapper > svg.recharts-surface");
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    // The right edge of the plot is inside the last run's bar.
    await plot.hover({ position: { x: box.width - 8, y: box.height / 2 } });
    const value = chart.locator(".recharts-tooltip-item-value").first();
    await value.waitFor();
    return compactNumber(await value.textContent());
  }
}

/** "Run 3 finished: 2 workers in 936 ms." or "... in 1.04 s." */
function bodyMs(summary) {
  const match = /in ([\d.,]+) (ms|s)\./.exec(summary ?? "");
  if (!match) throw new Error(`no body time in the run's summary: ${summary}`);
  const value = Number(match[1].replaceAll(",", ""));
  return match[2] === "s" ? Math.round(value * 1000) : value;
}

/** The charts' compact notation: "37.3", "1.2K". */
function compactNumber(text) {
  const match = /^([\d.]+)([KMB]?)$/.exec((text ?? "").trim());
  if (!match) throw new Error(`not a chart value: ${text}`);
  return Number(match[1]) * { "": 1, K: 1e3, M: 1e6, B: 1e9 }[match[2]];
}
