/**
 * Linux's /proc, for the scripts that say what else used the CPU while they
 * measured: a process's descendants, and the CPU time in a stat line. Throws
 * where there is no /proc.
 */
import { readFileSync, readdirSync } from "node:fs";

// /proc reports CPU time in USER_HZ ticks, 100 a second on every Linux the scripts meet.
export const TICKS_PER_SECOND = 100;

/**
 * The stat line at `path` (/proc/PID/stat or /proc/PID/task/TID/stat): the
 * name, the parent's pid, and the ticks spent in user and system mode, plus
 * those of waited-for children (`children`). Null when it ended as we looked.
 */
export function readStat(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return null;
  }
  // The name may contain spaces and parentheses: the fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const [user, system, childUser, childSystem] = fields.slice(11, 15).map(Number);
  return { name: text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")), ppid: Number(fields[1]), ticks: user + system, children: childUser + childSystem };
}

/** Every live process below `root`. */
export function descendants(root) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(`/proc/${entry}/stat`);
    if (stat !== null) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)]);
  }
  const found = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop();
    found.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}
