/**
 * The command line of `npm run lessons:check [-- <lesson>...] [--verbose]
 * [--json=<file>]`; `--json` writes the tally of checks passed, failed and
 * skipped, which `npm test` counts among its tests.
 */
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatProblem } from "../../app/engine/course/problem";
import { checkCourse } from "./check";
import { loadEveryLanguage } from "../../app/runtime/i18n/i18n";

// Vite's module runner that loads this file closes once it is imported: the catalogues the error checks speak (run-checks.ts) load now.
await loadEveryLanguage();

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export async function main(args: readonly string[]): Promise<number> {
  const verbose = args.includes("--verbose");
  const json = args.find((arg) => arg.startsWith("--json="))?.slice("--json=".length);
  const only = args.filter((arg) => !arg.startsWith("--"));
  const started = performance.now();
  const report = await checkCourse(resolve(ROOT, "lessons"), resolve(ROOT, "public"), { only, progress: (line) => console.log(line) });
  if (verbose) for (const note of report.notes) console.log(`  ${note}`);
  for (const skipped of report.skipped) console.log(`lessons/${skipped}`);
  for (const problem of report.problems) console.error(formatProblem(problem));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const count = report.problems.length;
  console.log(`${report.lessons} lesson${report.lessons === 1 ? "" : "s"} checked in ${seconds} s: ${count === 0 ? "no problems" : `${count} problem${count === 1 ? "" : "s"}`}.`);
  if (json) writeFileSync(json, JSON.stringify(report.tally));
  return count === 0 ? 0 : 1;
}
