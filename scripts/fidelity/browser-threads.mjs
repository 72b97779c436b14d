/**
 * CPU time of Chromium's threads, by what competes with what during a run:
 * the dedicated workers (the runners), the page's main thread (React, the
 * live views, style, layout and paint), and the rest of Chromium
 * (compositors, thread pools). On a machine with as many cores as a run has
 * workers, whatever the rest spends during the concurrent phase is taken from
 * the workers. Linux only (/proc); elsewhere `sample` returns null.
 */
import { readFileSync, readdirSync } from "node:fs";
import { TICKS_PER_SECOND, descendants, readStat } from "../bench/proc-stat.mjs";

export const PARTS = ["workers", "page main thread", "rest of Chromium"];

/** Ticks per part, over every Chromium thread below this process. */
export function sample() {
  try {
    const totals = Object.fromEntries(PARTS.map((part) => [part, 0]));
    for (const pid of descendants(process.pid)) {
      const type = chromiumType(pid);
      if (type === null) continue;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const thread = readStat(`/proc/${pid}/task/${tid}/stat`);
        if (thread !== null) totals[part(type, thread.name, Number(tid) === pid)] += thread.ticks;
      }
    }
    return totals;
  } catch {
    return null;
  }
}

/** CPU-seconds per part between two samples. */
export function used(before, after) {
  if (before === null || after === null) return null;
  return Object.fromEntries(PARTS.map((p) => [p, (after[p] - before[p]) / TICKS_PER_SECOND]));
}

/** "renderer", "gpu-process", ... or "browser" (the process Playwright started); null when not Chromium. */
function chromiumType(pid) {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    const type = /--type=([\w-]+)/.exec(commandLine)?.[1];
    if (type !== undefined) return type;
    return commandLine.includes("--remote-debugging-pipe") ? "browser" : null;
  } catch {
    return null; // ended while we looked
  }
}

function part(type, threadName, isMainThread) {
  if (threadName === "DedicatedWorker") return "workers";
  if (type === "renderer" && isMainThread) return "page main thread";
  return "rest of Chromium";
}
