/**
 * The cold-load figures of `npm run bench`, driven from Node rather than the
 * bench page: the site is built as `npm run build` builds it (into a folder
 * of its own), served as a static host serves it (its `_headers`, and the
 * precompressed copies: scripts/serve-static.mjs), and a lesson is opened in a fresh
 * browser context each repetition, so that nothing is cached. JavaScript is
 * counted as the host sends it precompressed: the gzip copy of each script
 * the page had received by then (its resource timing), workers' included
 * where the page's timing lists them.
 *
 * - cold_js_before_first_paint_kib: by the first contentful paint.
 * - cold_js_before_editor_kib: by the time the editor shows the code.
 * - cold_editor_ready_ms: navigation to the editor showing the code.
 * - cold_first_result_ms: navigation to the first run's result, Run pressed
 *   as soon as the editor shows the code.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const LESSON = "03-race-conditions";

/** The lesson a cold load opens, on a static server at `port`. */
export const lessonAddress = (port) => `http://127.0.0.1:${port}/#/lessons/${LESSON}`;
// Beside the bench's own dev server (5391), just as unusual.
const PORT = 5393;

export const COLD_LOAD_FIGURES = [
  { name: "cold_js_before_first_paint_kib", unit: "KiB gzip", target: 200, better: "lower" },
  { name: "cold_js_before_editor_kib", unit: "KiB gzip", target: 1024, better: "lower" },
  { name: "cold_editor_ready_ms", unit: "ms", target: 1500, better: "lower" },
  { name: "cold_first_result_ms", unit: "ms", better: "lower" },
];

/** Installed before the page's own scripts: notes when the editor shows code, when Run is pressed and when the first run ends. */
function watchMilestones() {
  const marks = {};
  window.__coldLoad = marks;
  const seen = () => {
    if (marks.editorReady === undefined && document.querySelector('[data-testid="code-editor"] .view-lines .view-line')) marks.editorReady = performance.now();
    const status = document.querySelector('[data-testid="run-status"]')?.getAttribute("data-status");
    if (marks.runAt !== undefined && marks.resultAt === undefined && status !== "running" && status !== "idle") {
      marks.resultAt = performance.now();
      marks.status = status;
    }
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest('[data-testid="run-button"]')) marks.runAt ??= performance.now();
  }, true);
}

/** Builds the site, opens the lesson `repetitions` times cold, and returns the figures' results in the bench's shape. */
export async function measureColdLoad(browser, { repo, repetitions, only, progress }) {
  const wanted = COLD_LOAD_FIGURES.filter((figure) => only === undefined || only.includes(figure.name));
  const outDir = join(tmpdir(), `interleave-bench-site-${process.pid}`);
  let server;
  try {
    progress("bench: cold load: building the site");
    buildSite(repo, outDir);
    server = await serveAsHost(repo, outDir);
    const gzipped = gzipSizes(outDir);
    const samples = [];
    for (let i = 0; i < repetitions; i++) {
      const sample = await openCold(browser, lessonAddress(PORT), gzipped);
      progress(`bench: cold load: ${JSON.stringify(sample)}`);
      samples.push(sample);
    }
    return wanted.map((figure) => result(figure, samples, repetitions));
  } catch (thrown) {
    const error = (thrown instanceof Error ? thrown.message : String(thrown)).split("\n")[0];
    return wanted.map((figure) => ({ ...figure, error }));
  } finally {
    server?.kill();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * `vite build` in a process of its own, as `npm run build` runs it: built in
 * this one, after the bench's dev server has set NODE_ENV to development,
 * the site would carry React's development build.
 */
function buildSite(repo, outDir) {
  const vite = join(repo, "node_modules", "vite", "bin", "vite.js");
  const env = { ...process.env, NODE_ENV: "production" };
  const built = spawnSync(process.execPath, [vite, "build", "--logLevel", "error", "--outDir", outDir, "--emptyOutDir"], { cwd: repo, env, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`the site did not build: ${built.stderr || built.stdout}`);
}

/** scripts/serve-static.mjs serving `outDir` on `port` as Netlify would; resolves to its process once it listens. */
export function serveAsHost(repo, outDir, port = PORT) {
  const child = spawn(process.execPath, [join(repo, "scripts", "serve-static.mjs"), outDir, String(port), "--as-host"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout.once("data", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`the static server ended (exit code ${code}) before it listened`)));
  });
}

/** One cold load of `url` in a fresh context, Run pressed as soon as the editor shows the code: its times and script sizes. */
export async function openCold(browser, url, gzipped) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(watchMilestones);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__coldLoad.editorReady !== undefined, undefined, { timeout: 60_000 });
    await page.getByTestId("run-button").click();
    await page.waitForFunction(() => window.__coldLoad.resultAt !== undefined, undefined, { timeout: 60_000 });
    const { marks, paint, scripts } = await page.evaluate(() => ({
      marks: window.__coldLoad,
      paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      scripts: performance
        .getEntriesByType("resource")
        .filter((entry) => new URL(entry.name).pathname.endsWith(".js"))
        .map((entry) => ({ path: new URL(entry.name).pathname, end: entry.responseEnd })),
    }));
    if (marks.status !== "done") throw new Error(`the first run of ${url} ended ${marks.status}`);
    if (paint === undefined) throw new Error("the page reported no first contentful paint");
    // Each script once: two runner workers fetch the same file.
    const kib = (by) => [...new Set(scripts.filter((s) => s.end <= by).map((s) => s.path))].reduce((sum, path) => sum + gzipped(path), 0) / 1024;
    return {
      firstPaintMs: paint,
      jsBeforePaintKib: kib(paint),
      editorReadyMs: marks.editorReady,
      jsBeforeEditorKib: kib(marks.editorReady),
      runPressedMs: marks.runAt,
      resultMs: marks.resultAt,
    };
  } finally {
    await context.close();
  }
}

/** The size of a built file's gzip copy (scripts/vite/precompress.ts), or of gzip at its best where the build wrote none. */
export function gzipSizes(outDir) {
  return (path) => {
    const file = join(outDir, path);
    return existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`).length : gzipSync(readFileSync(file), { level: 9 }).length;
  };
}

function result(figure, samples, repetitions) {
  const pick = {
    cold_js_before_first_paint_kib: (s) => s.jsBeforePaintKib,
    cold_js_before_editor_kib: (s) => s.jsBeforeEditorKib,
    cold_editor_ready_ms: (s) => s.editorReadyMs,
    cold_first_result_ms: (s) => s.resultMs,
  }[figure.name];
  const values = samples.map(pick);
  const part = (name, unit, of) => ({ name, unit, value: median(samples.map(of)) });
  return {
    ...figure,
    repetitions,
    value: median(values),
    samples: values,
    parts: [
      part("first contentful paint", "ms", (s) => s.firstPaintMs),
      part("editor shows the code", "ms", (s) => s.editorReadyMs),
      part("Run pressed to result", "ms", (s) => s.resultMs - s.runPressedMs),
    ],
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
