/**
 * How much CPU other processes took while the bench ran. Speed figures on a
 * shared machine are only as good as the quiet they were measured in, so the
 * driver reports this beside them. Linux only (/proc); elsewhere `null`.
 */
import { readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";

// /proc reports CPU time in USER_HZ ticks, 100 a second on every Linux the bench meets.
const TICKS_PER_SECOND = 100;

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
  const children = new Map();
  const ticks = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // The command name may contain spaces and parentheses: the fields start after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pid = Number(entry);
    const ppid = Number(rest[1]);
    ticks.set(pid, Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]));
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    total += ticks.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function round(value) {
  return Math.round(value * 100) / 100;
}
