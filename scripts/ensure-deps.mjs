/**
 * Installs npm dependencies when they are missing or stale (package-lock.json
 * changed since the last install). Uses only Node's standard library, since it
 * runs before anything else is installed.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const lock = new URL("../package-lock.json", import.meta.url);
const stamp = new URL("../node_modules/.interleave-deps", import.meta.url);

export function ensureDeps() {
  const want = createHash("sha256").update(readFileSync(lock)).digest("hex");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === want) return;
  console.log("Installing dependencies (npm ci)...");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  writeFileSync(stamp, want);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDeps();
