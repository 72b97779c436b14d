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
 * Flags for headless Chromium on our machines: no sandbox (we run as root),
 * no GPU, and none of the background traffic that the closed network refuses.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
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
