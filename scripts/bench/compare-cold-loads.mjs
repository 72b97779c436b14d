/**
 * Two builds' cold loads, taken in turns: `node scripts/bench/compare-cold-loads.mjs <distA> <distB> [pairs]`
 * (each a folder `npm run build` wrote; 12 pairs unless said). On our shared machines the same build's
 * median time to the editor moved by 300 ms between runs an hour apart, more than most changes move it:
 * loads of A and B taken one after the other meet the same machine, so their medians can be compared
 * where two runs of `npm run bench` cannot. Prints, for each, the medians of the first contentful paint
 * and of the editor showing the code, with every sample.
 */
import { chromium } from "@playwright/test";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM_ARGS, chromiumPath } from "../ensure-chromium.mjs";
import { gzipSizes, lessonAddress, median, openCold, serveAsHost } from "./cold-load.mjs";

const PORTS = [5395, 5397];

const [a, b, pairs = "12"] = process.argv.slice(2);
if (!a || !b || !(Number(pairs) >= 1)) {
  console.error("usage: node scripts/bench/compare-cold-loads.mjs <distA> <distB> [pairs]");
  process.exit(2);
}
const repo = fileURLToPath(new URL("../..", import.meta.url));
const builds = [a, b].map((dir, i) => ({ name: i === 0 ? "A" : "B", dir: resolve(dir), gzipped: gzipSizes(resolve(dir)), port: PORTS[i], samples: [] }));
const servers = [];
let browser;
try {
  for (const build of builds) servers.push(await serveAsHost(repo, build.dir, build.port));
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  for (let i = 0; i < Number(pairs); i++) {
    // Alternate which goes first: the second of a pair may meet a browser the first has warmed.
    for (const build of i % 2 === 0 ? builds : [...builds].reverse()) {
      build.samples.push(await openCold(browser, lessonAddress(build.port), build.gzipped));
    }
  }
  for (const { name, dir, samples } of builds) {
    const ms = (pick) => median(samples.map(pick)).toFixed(0);
    console.log(`${name} ${dir}: first paint ${ms((s) => s.firstPaintMs)} ms, editor ${ms((s) => s.editorReadyMs)} ms (samples: ${samples.map((s) => s.editorReadyMs.toFixed(0)).join(" ")})`);
  }
} finally {
  await browser?.close();
  servers.forEach((server) => server.kill());
}
