/**
 * `npm run bench`: serves the bench page cross-origin isolated from a Vite
 * dev server of its own, runs it in headless Chromium and prints the figures
 * as a table, or with `--json` as one JSON object on stdout (progress goes to
 * stderr). Exits 1 when a figure could not be measured; a missed target is
 * printed, not fatal, since speed on a shared machine is noisy. The cold-load
 * figures (cold-load.mjs) build the site and open a lesson from Node, after
 * the page's figures.
 *
 * Options: --json, --reps N (default 15, at least 5), --only name[,name].
 * Env: CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createServer } from "vite";
import { withChromium } from "../with-chromium.mjs";
import { COLD_LOAD_FIGURES, measureColdLoad } from "./cold-load.mjs";
import { watchOtherLoad } from "./machine-load.mjs";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const REPO = fileURLToPath(new URL("../..", import.meta.url));
// Unusual and strict, so the bench never talks to someone else's dev server.
const PORT = 5391;
// Above this share of the machine taken by other processes, the figures are flagged as suspect.
const BUSY_WARNING_PERCENT = 10;
const TIME_LIMIT_MS = 5 * 60_000;

const { values: options } = parseArgs({
  options: { json: { type: "boolean", default: false }, reps: { type: "string", default: "15" }, only: { type: "string" } },
});
const repetitions = Number(options.reps);
if (!Number.isInteger(repetitions) || repetitions < 5) fail("--reps must be a whole number of at least 5");

const began = Date.now();
const progress = (line) => process.stderr.write(`${line}\n`);

const server = await createServer({
  configFile: false,
  root: HERE,
  // Out of the repo: the app's own dev server keeps its dependency cache in node_modules/.vite.
  cacheDir: join(tmpdir(), "interleave-bench-vite"),
  logLevel: "warn",
  server: {
    host: "127.0.0.1",
    port: PORT,
    strictPort: true,
    headers: { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" },
    fs: { allow: [REPO] },
    // Other people edit the repo while the bench runs: a reload mid-run would lose it.
    hmr: false,
    watch: null,
  },
  // Listed up front so no late discovery reloads the page; sucrase and React (the timeline's messages, through
  // react-i18next) are CommonJS and must be pre-bundled.
  optimizeDeps: { noDiscovery: true, include: ["comlink", "sucrase", "i18next", "react", "react-i18next"] },
});

const { result, failure } = await withChromium(server, async (browser) => {
  await server.listen();
  const page = await browser.newPage();
  page.on("console", (message) => {
    const text = message.text();
    if (text.startsWith("bench: ") || message.type() === "error") progress(text);
  });
  page.on("pageerror", (error) => progress(`page error: ${error.message}`));
  await page.goto(`http://127.0.0.1:${PORT}/index.html`);
  await page.waitForFunction(() => typeof window.runBench === "function");
  const only = options.only?.split(",").map((name) => name.trim());
  const coldLoad = (name) => COLD_LOAD_FIGURES.some((figure) => figure.name === name);
  const pageOnly = only?.filter((name) => !coldLoad(name));
  const otherLoad = watchOtherLoad();
  const running = pageOnly?.length === 0 ? { figures: [], environment: {} } : page.evaluate((o) => window.runBench(o), { repetitions, only: pageOnly });
  const measured = await Promise.race([running, timeout(TIME_LIMIT_MS)]);
  const cold = only === undefined || only.some(coldLoad) ? await measureColdLoad(browser, { repo: REPO, repetitions, only, progress }) : [];
  return {
    figures: [...measured.figures, ...cold],
    environment: {
      ...measured.environment,
      otherLoad: otherLoad(),
      browser: `Chromium ${browser.version()}`,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpu: cpus()[0]?.model,
      cpuCount: cpus().length,
      date: new Date(began).toISOString(),
      durationSeconds: round((Date.now() - began) / 1000, 1),
    },
  };
});
if (failure !== undefined) fail(failure);

const failed = result.figures.filter((f) => "error" in f);
if (options.json) process.stdout.write(`${JSON.stringify(toJson(result), null, 2)}\n`);
else process.stdout.write(table(result));
process.exit(failed.length > 0 ? 1 : 0);

/** The stable machine-readable shape: later benchmarks add figures, not formats. */
function toJson({ figures, environment }) {
  return {
    figures: figures.map((f) => ({
      name: f.name,
      value: "error" in f ? null : round(f.value, 4),
      unit: f.unit,
      repetitions: "error" in f ? 0 : f.repetitions,
      ...(f.target === undefined ? {} : { target: f.target, better: f.better ?? "higher", passed: passed(f) }),
      ...("error" in f
        ? { error: f.error }
        : { samples: f.samples.map((s) => round(s, 4)), parts: f.parts.map((p) => ({ ...p, value: round(p.value, 3) })) }),
    })),
    environment,
  };
}

function table({ figures, environment }) {
  const rows = figures.map((f) => [
    f.name,
    "error" in f ? "-" : f.value.toFixed(3),
    f.unit,
    f.target === undefined ? "-" : `${f.better === "lower" ? "<=" : ">="} ${f.target}`,
    "error" in f ? "-" : String(f.repetitions),
    "error" in f ? "NOT MEASURED" : f.target === undefined ? "-" : passed(f) ? "pass" : "MISS",
  ]);
  const header = ["figure", "value", "unit", "target", "reps", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ""];
  for (const f of figures) {
    out.push(`${f.name}:`);
    if ("error" in f) out.push(`  error: ${f.error}`);
    else {
      for (const p of f.parts) out.push(`  ${p.name}: ${p.value.toFixed(2)} ${p.unit}`);
      out.push(`  samples: ${f.samples.map((s) => s.toFixed(3)).join(" ")}`);
    }
  }
  const env = environment;
  out.push("", `${env.browser}, ${env.cpuCount} x ${env.cpu}, ${env.platform}, node ${env.node}; ${env.durationSeconds} s in all`);
  const load = env.otherLoad;
  if (load) {
    out.push(`other processes used ${load.otherCpuSeconds} CPU-seconds during the figures (${load.percentOfMachine}% of the machine)`);
    if (load.percentOfMachine > BUSY_WARNING_PERCENT) out.push("WARNING: the machine was busy with other work: the figures are suspect, run again when it is quiet");
  }
  out.push("");
  return out.join("\n");
}

/** Whether a measured figure met its target, in the direction that is better for it. */
function passed(f) {
  if ("error" in f) return false;
  return f.better === "lower" ? f.value <= f.target : f.value >= f.target;
}

function round(value, digits) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function timeout(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`the bench took longer than ${ms / 1000} s`)), ms).unref());
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}
