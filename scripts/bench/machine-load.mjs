/**
 * How much CPU other processes took while the bench ran. Speed figures on a
 * shared machine are only as good as the quiet they were measured in, so the
 * driver reports this beside them. Linux only (/proc); elsewhere `null`.
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { TICKS_PER_SECOND, descendants, readStat } from "./proc-stat.mjs";

/** Starts a measurement; call the returned function, while the browser still runs, to end it. */
export function watchOtherLoad() {
  const start = sample();
  const began = performance.now();
  return () => {
    const end = sample();
    if (start === null || end === null) return null;
    const seconds = (performance.now() - began) / 1000;
    const otherCpuSeconds = Math.max(0, end.busy - start.busy - (end.ours - start.ours)) / TICKS_PER_SECOND;
    // Share of the whole machine's capacity over the run, in percent.
    return { otherCpuSeconds: round(otherCpuSeconds), percentOfMachine: round((100 * otherCpuSeconds) / (seconds * cpus().length)) };
  };
}

function sample() {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
    return { busy: user + nice + system + irq + softirq + steal, ours: treeTicks(process.pid) };
  } catch {
    return null;
  }
}

/** CPU ticks of a process and all its live descendants (the browser and its helpers, Vite's threads). */
function treeTicks(root) {
  let total = 0;
  for (const pid of [root, ...descendants(root)]) {
    const stat = readStat(`/proc/${pid}/stat`);
    if (stat !== null) total += stat.ticks + stat.children;
  }
  return total;
}

function round(value) {
  return Math.round(value * 100) / 100;
}
