/**
 * Schedules as text that fits in a link (format in docs/schedules.md):
 * `v1.<hash>.<steps>`, where `hash` (8 hex digits, FNV-1a) ties the schedule
 * to the code and parameters it was found with, and `steps` lists who moved,
 * as worker letters with run lengths: `A3B2A1` is A three steps, B two, A
 * one. A lowercase letter is a step that ended that worker's timed wait by
 * its timeout.
 */
import type { ParamValue } from "../../runtime/params";
import type { Option } from "./controller";
import { fnv1a } from "../../runtime/fnv1a";

const VERSION = "v1";
const STEPS = /^(?:[A-Pa-p]\d*)+$/;
const RUN = /([A-Pa-p])(\d*)/g;
/** A schedule longer than this is refused: no explore run takes more steps (STEP_CAP). */
const MAX_STEPS = 10_000;

export interface DecodedSchedule {
  readonly hash: string;
  readonly steps: readonly Option[];
}

export type ScheduleProblem = { readonly problem: string };

export function encodeSchedule(steps: readonly Option[], source: string, params: Readonly<Record<string, ParamValue>>): string {
  let text = "";
  for (let i = 0; i < steps.length; ) {
    const { worker, timeout } = steps[i]!;
    let run = 1;
    while (i + run < steps.length && steps[i + run]!.worker === worker && steps[i + run]!.timeout === timeout) run++;
    const letter = String.fromCharCode((timeout ? 97 : 65) + worker);
    text += run === 1 ? letter : `${letter}${run}`;
    i += run;
  }
  return `${VERSION}.${codeHash(source, params)}.${text}`;
}

export function decodeSchedule(text: string): DecodedSchedule | ScheduleProblem {
  const parts = text.trim().split(".");
  if (parts.length !== 3) return { problem: "This is not a schedule: a schedule looks like v1.1a2b3c4d.A3B2A1." };
  const [version, hash, runs] = parts as [string, string, string];
  if (version !== VERSION) return { problem: `This schedule is in format "${version}", which this version of the site does not read (it reads ${VERSION}).` };
  if (!/^[0-9a-f]{8}$/.test(hash)) return { problem: "This schedule's code hash is damaged: it should be 8 hex digits. Copy the whole link again." };
  if (!STEPS.test(runs)) return { problem: "This schedule's steps are damaged: they should be worker letters with counts, like A3B2A1. Copy the whole link again." };
  const steps: Option[] = [];
  for (const [, letter, count] of runs.matchAll(RUN)) {
    const code = letter!.charCodeAt(0);
    const timeout = code >= 97;
    const worker = code - (timeout ? 97 : 65);
    const times = count === "" ? 1 : Number(count);
    if (times < 1 || steps.length + times > MAX_STEPS) return { problem: `This schedule is longer than ${MAX_STEPS.toLocaleString("en")} steps, or has a step count of 0.` };
    for (let k = 0; k < times; k++) steps.push({ worker, timeout });
  }
  return { hash, steps };
}

/** A schedule's moves, when it was made on this code with these parameters; otherwise why it cannot replay them. */
export function scheduleFor(text: string, source: string, params: Readonly<Record<string, ParamValue>>): { readonly steps: readonly Option[] } | ScheduleProblem {
  const decoded = decodeSchedule(text);
  if ("problem" in decoded) return decoded;
  if (decoded.hash !== codeHash(source, params)) {
    return { problem: "Code changed: this schedule was made on other code or other parameters, so it cannot replay them. Go back to the code it came with, or explore again." };
  }
  return { steps: decoded.steps };
}

/** FNV-1a over the code and the parameters in name order: a schedule replays only on what it was found on. */
export function codeHash(source: string, params: Readonly<Record<string, ParamValue>>): string {
  const text = `${source}\u0000${JSON.stringify(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
  return fnv1a(text).toString(16).padStart(8, "0");
}
