import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/ensure-chromium.mjs";

/**
 * Ports no other dev server here uses; the servers must start fresh on them.
 * E2E_PORT moves all three (PORT, PORT + 2, PORT + 4), so that two checkouts
 * can run their suites side by side.
 */
export const PORT = Number(process.env.E2E_PORT ?? 4391);
/** The same build served without isolation headers, as GitHub Pages would. */
export const BARE_PORT = PORT + 2;
/** For specs that start a server of their own. */
export const SPARE_PORT = PORT + 4;

export default defineConfig({
  testDir: "e2e",
  // Scenarios use every core: tests running side by side would skew each other.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // A focused test would skip the rest silently: refused always, not only on CI.
  forbidOnly: true,
  use: {
    baseURL: `http://localhost:${PORT}/`,
    // The site's service worker caches the whole build when a page first registers it, seconds of work for each fresh
    // context: most specs browse the preview server, isolated by its headers, as before the worker existed. Those on
    // the worker (isolation without headers, offline) allow it: `test.use({ serviceWorkers: "allow" })`.
    serviceWorkers: "block",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      command: `node node_modules/vite/bin/vite.js preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/serve-static.mjs dist ${BARE_PORT}`,
      url: `http://localhost:${BARE_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
