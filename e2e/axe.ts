/** Runs axe-core on the page as it stands and fails on what it calls critical or serious, each finding named with its targets. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Moderate to axe, but a screen reader's user finds the step and explore
 * panels in its list of headings, where a skipped level reads as a section
 * of the one before.
 */
const ALSO_FAILING = new Set(["heading-order"]);

export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  // Legacy mode runs axe in the page itself; the default finishes in a new page of the context, which a page opened
  // by browser.newPage (one-page.ts) may not open. The page has no frames of another origin for the default to reach.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
  const failing = violations.filter((v) => v.impact === "critical" || v.impact === "serious" || ALSO_FAILING.has(v.id));
  const told = failing.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}`).join("\n")}`);
  expect(told, `axe on ${where}:\n${told.join("\n")}`).toEqual([]);
}
