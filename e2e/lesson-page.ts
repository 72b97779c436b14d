/** Helpers for driving a lesson page; selectors are the data-testids listed in e2e/README.md. */
import { expect, type Page } from "@playwright/test";

export const RACE = "03-race-conditions";

export async function openLesson(page: Page, slug = RACE): Promise<void> {
  await page.goto(`./#/lessons/${slug}`);
  await expect(page.getByTestId("code-editor").locator(".view-lines")).toBeVisible();
  await expect(page.getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
}

export async function setParam(page: Page, name: string, value: string | number): Promise<void> {
  const control = page.getByTestId(`param-${name}`);
  if (typeof value === "string") await control.selectOption(value);
  else await control.fill(String(value));
}

/** Runs and waits for the run to end; returns its final status. */
export async function run(page: Page, timeout = 30_000): Promise<string> {
  await page.getByTestId("run-button").click();
  const status = page.getByTestId("run-status");
  await expect(status).not.toHaveAttribute("data-status", "running", { timeout });
  return (await status.getAttribute("data-status")) ?? "";
}

export async function resultValue(page: Page, field: string): Promise<number> {
  return Number(await page.getByTestId(`result-${field}`).getAttribute("data-value"));
}

/** Replaces the editor's whole text, as a paste would. */
export async function replaceCode(page: Page, code: string): Promise<void> {
  await page.getByTestId("code-editor").locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+KeyA");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

/** The editor's current text, read from what Monaco renders is unreliable: read the saved copy. */
export async function savedCode(page: Page, slug = RACE): Promise<string | null> {
  return page.evaluate((key) => {
    const text = localStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as string);
  }, `interleave:v1:code:${slug}`);
}
