/** Helpers for driving a lesson page; selectors are the data-testids listed in e2e/README.md. */
import { expect, type Page } from "@playwright/test";

export const RACE = "03-race-conditions";

export async function openLesson(page: Page, slug = RACE): Promise<void> {
  await page.goto(`./#/lessons/${slug}`);
  // On a page already open, the address changes before the lesson is drawn: until its link is current, the editor and
  // the parameters seen may be the last lesson's.
  await expect(page.getByTestId(`lesson-link-${slug}`)).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
  await expect(page.getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
}

/** Opens the playground (or a link to it) and waits for its editor. */
export async function openPlayground(page: Page, address = "./#/playground"): Promise<void> {
  await page.goto(address);
  await expect(page.getByTestId("lesson-title")).toHaveText("Playground");
  await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
}

export async function setParam(page: Page, name: string, value: string | number): Promise<void> {
  const control = page.getByTestId(`param-${name}`);
  if (typeof value === "string") await control.selectOption(value);
  else await control.fill(String(value));
}

/**
 * Runs and waits for that run to end; returns its final status. It waits for
 * the page's count of ended runs to move on, not for the status to leave
 * "running": a run refused or ended before "running" was ever drawn would
 * otherwise be read as the status of the run before it.
 */
export async function run(page: Page, timeout = 30_000): Promise<string> {
  const status = page.getByTestId("run-status");
  const runs = await status.getAttribute("data-runs", { timeout: 5_000 });
  if (runs === null || !/^\d+$/.test(runs)) throw new Error(`run-status has no count of runs: data-runs=${JSON.stringify(runs)}`);
  const before = Number(runs);
  await page.getByTestId("run-button").click();
  await expect(status).toHaveAttribute("data-runs", String(before + 1), { timeout });
  const ended = (await status.getAttribute("data-status")) ?? "";
  // A test that expected a run sees only "refused": the reason goes to the test's output, where CI shows it.
  if (ended === "refused") console.log(`run refused: ${await status.textContent()}`);
  return ended;
}

/** A numeric field of the last run's result; a field that is missing or not a number fails, rather than reading as 0. */
export async function resultValue(page: Page, field: string): Promise<number> {
  const raw = await page.getByTestId(`result-${field}`).getAttribute("data-value", { timeout: 5_000 });
  const value = raw === null || raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) throw new Error(`result field "${field}" is not a number: ${JSON.stringify(raw)}`);
  return value;
}

/** Replaces the editor's whole text, as a paste would. */
export async function replaceCode(page: Page, code: string): Promise<void> {
  await page.getByTestId("code-editor").locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+KeyA");
  await page.keyboard.press("Delete");
  // Typed into a page whose editor had not taken the focus, the text would land beside the old code, not replace it.
  await expect(page.getByTestId("code-editor").locator(".view-lines")).toHaveText("");
  await page.keyboard.insertText(code);
}

/** The editor's current text, read from what Monaco renders is unreliable: read the saved copy. */
export async function savedCode(page: Page, slug = RACE): Promise<string | null> {
  return page.evaluate((key) => {
    const text = localStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as string);
  }, `interleave:v1:code:${slug}`);
}
