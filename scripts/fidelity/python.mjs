/**
 * Runs a lesson's CPython reference (`lessons/<slug>/reference.py --json`)
 * under `python3` and returns the JSON object it prints.
 */
import { execFile, execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const LESSONS = fileURLToPath(new URL("../../lessons/", import.meta.url));
// Far above a reference's few seconds: only a hung one meets it.
const TIME_LIMIT_MS = 120_000;

/** "Python 3.11.7", or throws saying how to get one. */
export function pythonVersion() {
  try {
    return execFileSync("python3", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("python3 is not installed: install it (sudo apt-get install python3) and run again.");
  }
}

export async function runReference(slug, args) {
  // -B: a process pool's children import the script, and would leave a __pycache__ in the lesson.
  const { stdout } = await promisify(execFile)("python3", ["-B", "reference.py", ...args, "--json"], {
    cwd: `${LESSONS}${slug}`,
    timeout: TIME_LIMIT_MS,
  });
  return JSON.parse(stdout);
}
