/**
 * `npm test`: every check, in order: install what is missing (npm packages,
 * Debian's chromium), the type check and the production build side by side,
 * unit and runtime tests beside the lessons' checks (lessons:check),
 * end-to-end tests in Chromium.
 * Ends on one summary line counting tests, after checking that count against
 * the floor in scripts/test-floor.json (test-guards.mjs says how).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDeps } from "./ensure-deps.mjs";
import { ensureChromium } from "./ensure-chromium.mjs";
import { E2E_ARGS, UNIT_ARGS, e2eTally, judgeCount, unitTally } from "./test-guards.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const floorFile = join(root, "scripts", "test-floor.json");
const reports = mkdtempSync(join(tmpdir(), "interleave-test-"));
const tally = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function step(name, args, env = {}) {
  console.log(`\n== ${name} ==`);
  const started = Date.now();
  const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return ended(name, status, Date.now() - started);
}

function ended(name, status, ms) {
  console.log(`== ${name}: ${status === 0 ? "ok" : "FAILED"} in ${(ms / 1000).toFixed(1)} s`);
  if (status !== 0) failedSteps.push(name);
  return status === 0;
}

/**
 * Steps that need nothing of each other, run at once (each `[name, args]`);
 * their outputs follow in order once all have ended.
 */
async function sideBySide(steps) {
  const started = Date.now();
  const results = await Promise.all(
    steps.map(
      ([, args]) =>
        new Promise((resolve) => {
          const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
          const output = [];
          child.stdout.on("data", (chunk) => output.push(chunk));
          child.stderr.on("data", (chunk) => output.push(chunk));
          child.on("close", (status) => resolve({ status, output: Buffer.concat(output), ms: Date.now() - started }));
        }),
    ),
  );
  return steps.map(([name], i) => {
    console.log(`\n== ${name} ==`);
    process.stdout.write(results[i].output);
    return ended(name, results[i].status, results[i].ms);
  });
}

function count(file, read) {
  if (!existsSync(file)) return;
  const { passed, failed, skipped } = read(JSON.parse(readFileSync(file, "utf8")));
  tally.passed += passed;
  tally.failed += failed;
  tally.skipped += skipped;
}

ensureDeps();
const chromium = ensureChromium();

// The build takes the other core while tsc checks types on one.
const [, built] = await sideBySide([
  ["type check", ["node_modules/typescript/bin/tsc", "-p", "."]],
  ["production build", ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"]],
]);

// Side by side: vitest runs one file at a time and the lesson checks one lesson at a time, mostly waiting on timers and
// workers (1.3 and 1.1 of the 2 cores, sampled). Both at once took 175 s where one after the other took 230. The price:
// the lessons' timed claims (lesson 1's speedups, lesson 2's convoy) share the machine with the unit tests; if one turns
// flaky, run the lessons that claim a speed (lessons:check takes a list) after the rest.
const unitReport = join(reports, "unit.json");
const lessonsReport = join(reports, "lessons.json");
await sideBySide([
  ["unit and runtime tests", ["node_modules/vitest/vitest.mjs", ...UNIT_ARGS, "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`]],
  ["lesson checks", ["scripts/lessons-check.mjs", `--json=${lessonsReport}`]],
]);
count(unitReport, unitTally);
count(lessonsReport, (r) => r);

if (built) {
  const e2eReport = join(reports, "e2e.json");
  step("end-to-end tests (Chromium)", ["node_modules/@playwright/test/cli.js", ...E2E_ARGS, "--reporter=list,json"], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  });
  count(e2eReport, e2eTally);
}

const total = tally.passed + tally.failed + tally.skipped;
const counted = judgeCount(total, JSON.parse(readFileSync(floorFile, "utf8")), failedSteps.length === 0 && tally.failed === 0);
console.log(`\n${counted.message}`);
if (counted.raised) writeFileSync(floorFile, `${JSON.stringify(counted.raised, null, 2)}\n`);
if (!counted.ok) failedSteps.push("test count");
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
if (failedSteps.length > 0 && tally.failed === 0) tally.failed = failedSteps.length;
console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
