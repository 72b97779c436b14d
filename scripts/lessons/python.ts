/**
 * Runs a lesson's Python reference under `python3`, as a student would copy
 * it: it must exit cleanly within a time bound. Without a `python3` on the
 * machine the check is skipped and says so.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Problem } from "../../app/engine/course/problem";

export const PYTHON_TIME_LIMIT_MS = 30_000;

export type PythonOutcome = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly problem: Problem } | { readonly skipped: string };

export function runReference(lessonsDir: string, slug: string, python = "python3", timeLimitMs = PYTHON_TIME_LIMIT_MS): PythonOutcome {
  const file = `${slug}/reference.py`;
  const started = performance.now();
  const run = spawnSync(python, ["reference.py"], { cwd: join(lessonsDir, slug), timeout: timeLimitMs, encoding: "utf8" });
  const ms = Math.round(performance.now() - started);
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") return { skipped: `no ${python} on this machine` };
  if (run.error && run.signal === "SIGTERM") {
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
