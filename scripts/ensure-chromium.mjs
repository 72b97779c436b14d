/**
 * Finds Chromium for the browser tests and benchmarks: $CHROMIUM_PATH, else
 * Debian's package at /usr/bin/chromium, installed with apt when this runs as
 * root. (Playwright cannot download its own browsers on our machines.)
 */
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** Where the tests and benchmarks look for Chromium. */
export const chromiumPath = () => process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;

/**
 * Features Playwright itself turns off (its chromiumSwitches.ts): a
 * `--disable-features` of ours replaces its own rather than adding to it, so
 * its list is repeated here.
 */
const PLAYWRIGHTS_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
];

/**
 * Chromium 156 builds its address bar's popup, a WebUI page of its own, for
 * every new window, headless too: a whole core for two seconds while each
 * test's fresh context opens a lesson, on machines that have two. A student's
 * browser built it when it started, not when they open the course.
 */
const OMNIBOX_POPUP_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"];

/**
 * Flags for headless Chromium on our machines: no sandbox (we run as root),
 * no GPU, none of the background traffic that the closed network refuses,
 * and none of the browser's own pages that would take a core from the site's.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  `--disable-features=${[...PLAYWRIGHTS_DISABLED_FEATURES, ...OMNIBOX_POPUP_FEATURES].join(",")}`,
];

export function ensureChromium() {
  const wanted = chromiumPath();
  if (existsSync(wanted)) return wanted;
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH is ${wanted}, but there is no file there. Point it at a Chromium or Chrome binary.`);
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      "Chromium is not installed. Install Debian's package (sudo apt-get install chromium), " +
        "or set CHROMIUM_PATH to a Chromium or Chrome binary, then run again.",
    );
  }
  console.log("Installing Debian's chromium package (apt-get)...");
  const apt = (args) => execFileSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", "chromium"]);
  return wanted;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureChromium();
