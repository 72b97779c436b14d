/**
 * `npm run fidelity`: how closely lessons 1 and 2 in the browser match
 * CPython on this machine. Builds the site, serves it cross-origin isolated
 * (as `vite preview` does) on port 4397, and in each round runs both
 * lessons' reference.py under python3 and the same experiments in headless
 * Chromium through the lesson pages (parameters set, Run pressed, results
 * read), alternating the two so that both see the same machine; the order
 * flips every round. What is compared is in figures.mjs.
 *
 * Output (stdout): one row per figure with CPython's median over the rounds,
 * the browser's, the target and "pass" or "MISS"; then every round's samples;
 * what Chromium's threads spent during the browser runs (the workers, and
 * what competed with them: the page's main thread and the rest of Chromium,
 * each as a share of one core); how unequal the cores were, round by round
 * (a shared host can slow one of them: then speedups depend on which core a
 * phase ran on, and the figures are suspect); and how much of the machine
 * other processes took (above 10%, suspect too). Progress goes to stderr. Exits 1 when a target is missed
 * (after printing the table) or a measurement fails.
 *
 * Options: --rounds N (default 8, at least 8). Env: CHROMIUM_PATH.
 */
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { preview } from "vite";
import { withChromium } from "../with-chromium.mjs";
import { watchOtherLoad } from "../bench/machine-load.mjs";
import { PARTS, sample as sampleThreads, used } from "./browser-threads.mjs";
import { coreTimes, imbalance } from "./core-speeds.mjs";
import { FIGURES, LESSONS } from "./figures.mjs";
import { LessonPage } from "./lesson-page.mjs";
import { pythonVersion, runReference } from "./python.mjs";
import { summarise, table } from "./report.mjs";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
// Unusual and strict, so the script never talks to someone else's server.
const PORT = 4397;

const { values: options } = parseArgs({ options: { rounds: { type: "string", default: "8" } } });
const rounds = Number(options.rounds);
if (!Number.isInteger(rounds) || rounds < 8) fail("--rounds must be a whole number of at least 8");
const progress = (line) => process.stderr.write(`fidelity: ${line}\n`);

const python = pythonVersion();
progress("building the site");
execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], { cwd: REPO, stdio: ["ignore", 2, 2] });

const server = await preview({ root: REPO, logLevel: "warn", preview: { host: "127.0.0.1", port: PORT, strictPort: true } });
/** Chromium's CPU-seconds by part over every browser run, and the runs' wall seconds. */
const competition = { seconds: 0, parts: Object.fromEntries(PARTS.map((p) => [p, 0])), measured: true };
/** Per round, the slowest core's time over the fastest's (core-speeds.mjs); empty when it cannot be measured. */
const imbalances = [];
const { result, failure } = await withChromium(server, async (browser) => {
  const pages = [];
  for (const { slug } of LESSONS) pages.push(await LessonPage.open(browser, `http://127.0.0.1:${PORT}/`, slug));
  const began = performance.now();
  const otherLoad = watchOtherLoad();
  const samples = [];
  for (let round = 0; round < rounds; round++) samples.push(await measureRound(round, pages));
  const environment = {
    python,
    browser: `Chromium ${browser.version()}`,
    cores: cpus().length,
    rounds,
    seconds: Math.round((performance.now() - began) / 1000),
    otherLoad: otherLoad(),
    competition,
    imbalances,
  };
  return { summary: summarise(FIGURES.map((figure) => figureSamples(figure, samples))), environment };
});
if (failure !== undefined) fail(failure);
const { summary, environment } = result;
process.stdout.write(table(summary, environment));
process.exit(summary.some((row) => row.result === "MISS") ? 1 : 0);

/** One round: per lesson, its reference's JSON and its browser runs, each lesson's steps in turn, reversed every other round. */
async function measureRound(round, pages) {
  const measured = LESSONS.map(() => ({ python: null, runs: {} }));
  const steps = LESSONS.flatMap((lesson, i) => [
    async () => {
      measured[i].python = await timed(`python3 ${lesson.slug}/reference.py`, () => runReference(lesson.slug, lesson.python));
    },
    ...Object.entries(lesson.runs).map(([name, { params, chart }]) => async () => {
      const run = await timed(`${lesson.slug} ${name}`, () => watched(() => pages[i].run(params)));
      measured[i].runs[name] = chart === undefined ? run : { ...run, chart: await pages[i].latestInChart(chart) };
    }),
  ]);
  const times = coreTimes();
  if (times !== null) imbalances.push(imbalance(times));
  progress(`round ${round + 1}/${rounds}${times === null ? "" : `: the cores take ${times.map((ms) => ms.toFixed(1)).join(", ")} ms for the same loop`}`);
  for (const step of round % 2 === 0 ? steps : steps.reverse()) await step();
  return measured;
}

async function timed(what, work) {
  const started = performance.now();
  const result = await work();
  progress(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Runs `work`, adding what Chromium's threads spent meanwhile to `competition`. */
async function watched(work) {
  const before = sampleThreads();
  const started = performance.now();
  const result = await work();
  const spent = used(before, sampleThreads());
  competition.seconds += (performance.now() - started) / 1000;
  if (spent === null) competition.measured = false;
  else for (const part of PARTS) competition.parts[part] += spent[part];
  return result;
}

function figureSamples(figure, samples) {
  const ofLesson = samples.map((round) => round[figure.lesson]);
  return {
    figure,
    python: figure.python === null ? null : ofLesson.map((m) => figure.python(m.python)),
    browser: ofLesson.map((m) => figure.browser(m.runs)),
  };
}

function fail(message) {
  process.stderr.write(`fidelity: ${message}\n`);
  process.exit(1);
}
