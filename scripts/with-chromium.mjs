/**
 * Runs `work(browser)` in headless Chromium (ensure-chromium.mjs) beside the
 * server it browses, then closes both whatever happened. Resolves to
 * `{ result }`, or `{ failure }` with the first line of what went wrong
 * (Playwright appends a call log or the page's stack to its errors).
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./ensure-chromium.mjs";

export async function withChromium(server, work) {
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    return { result: await work(browser) };
  } catch (error) {
    return { failure: (error instanceof Error ? error.message : String(error)).split("\n")[0] };
  } finally {
    await browser?.close();
    await server.close();
  }
}
