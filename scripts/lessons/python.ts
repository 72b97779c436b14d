/**
 * Runs a lesson's Python reference under `python3`, as a student would copy
 * it: it must exit cleanly within a time bound. Without a `python3` on the
 * machine the check is skipped and says so. The course's references run a
 * few at a time (`runReferences`): most of them wait more than they compute,
 * and only their exit counts, not their timings.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { Problem } from "../../app/engine/course/problem";

export const PYTHON_TIME_LIMIT_MS = 30_000;

export type PythonOutcome = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly problem: Problem } | { readonly skipped: string };

/** How many references run at once. */
const AT_ONCE = 3;

/** Each lesson's reference (`slugs`), `AT_ONCE` at a time; resolves once all have ended, slug -> outcome. */
export async function runReferences(lessonsDir: string, slugs: readonly string[], python = "python3"): Promise<Map<string, PythonOutcome>> {
  const outcomes = new Map<string, PythonOutcome>();
  const waiting = [...slugs];
  const runner = async () => {
    for (let slug = waiting.shift(); slug !== undefined; slug = waiting.shift()) outcomes.set(slug, await runReference(lessonsDir, slug, python));
  };
  await Promise.all(Array.from({ length: AT_ONCE }, runner));
  return outcomes;
}

interface Ended {
  readonly status: number | null;
  readonly error?: NodeJS.ErrnoException;
  readonly timedOut: boolean;
  readonly stderr: string;
}

function runPython(python: string, cwd: string, timeLimitMs: number): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(python, ["reference.py"], { cwd, stdio: ["ignore", "ignore", "pipe"] });
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
    }, timeLimitMs);
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ status: null, error, timedOut, stderr: "" });
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, timedOut, stderr: Buffer.concat(stderr).toString("utf8") });
    });
  });
}

async function runReference(lessonsDir: string, slug: string, python = "python3", timeLimitMs = PYTHON_TIME_LIMIT_MS): Promise<PythonOutcome> {
  const file = `${slug}/reference.py`;
  const started = performance.now();
  const run = await runPython(python, join(lessonsDir, slug), timeLimitMs);
  const ms = Math.round(performance.now() - started);
  if (run.error?.code === "ENOENT") return { skipped: `no ${python} on this machine` };
  if (run.timedOut) {
    return { ok: false, problem: { file, message: `${python} did not finish within ${timeLimitMs / 1000} s: keep the reference quick` } };
  }
  if (run.error) return { ok: false, problem: { file, message: `${python} could not run: ${run.error.message}` } };
  if (run.status !== 0) {
    const stderr = run.stderr.trim();
    const lines = [...stderr.matchAll(/File ".*reference\.py", line (\d+)/g)];
    const line = lines.length > 0 ? Number(lines[lines.length - 1]![1]) : undefined;
    return { ok: false, problem: { file, line, message: `${python} exited with status ${run.status}: ${stderr.split("\n").at(-1) ?? ""}` } };
  }
  return { ok: true, ms };
}
