/**
 * Schedules as text that fits in a link (format in docs/schedules.md):
 * `v1.<hash>.<steps>`, where `hash` (8 hex digits, FNV-1a) ties the schedule
 * to the code and parameters it was found with, and `steps` lists who moved,
 * as worker letters with run lengths: `A3B2A1` is A three steps, B two, A
 * one. A lowercase letter is a step that ended that worker's timed wait by
 * its timeout.
 *
 * An asyncio scenario's schedule is not who moved (one task at a time runs,
 * in an order CPython fixes) but which arrival the loop took at each of its
 * choices (runtime/asyncio/arrivals.ts): `t` and the positions, 0 being the
 * nominal one, `0*k` for k nominal ones in a row, trailing ones left out.
 * `t0*3-1` takes the nominal arrival three times, then the second one.
 */
import type { ParamValue } from "../../runtime/params";
import type { Option } from "./controller";
import { fnv1a } from "../../runtime/fnv1a";
import { engineMessage } from "../messages/message";

const VERSION = "v1";
const STEPS = /^(?:[A-Pa-p]\d*)+$/;
const RUN = /([A-Pa-p])(\d*)/g;
/** `t` is no worker letter: a task schedule cannot be read as a worker one. */
const CHOICES = /^t(?:(?:0\*\d+|\d+)(?:-(?:0\*\d+|\d+))*)?$/;
/** A schedule longer than this is refused: no explore run takes more steps (STEP_CAP), nor a task run as many choices. */
const MAX_STEPS = 10_000;

export type DecodedSchedule =
  | { readonly hash: string; readonly steps: readonly Option[] }
  /** An asyncio scenario's: the arrival taken at each of the loop's choices, the nominal one being 0. */
  | { readonly hash: string; readonly choices: readonly number[] };

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

/** An asyncio scenario's schedule: the position taken at each of the loop's choices (task-explore.ts). */
export function encodeTaskSchedule(choices: readonly number[], source: string, params: Readonly<Record<string, ParamValue>>): string {
  // Past the last departure every choice is the nominal one, as it is where a schedule ends.
  const end = choices.findLastIndex((position) => position !== 0) + 1;
  const items: string[] = [];
  for (let i = 0; i < end; ) {
    let run = 1;
    while (choices[i] === 0 && choices[i + run] === 0) run++;
    items.push(run === 1 ? String(choices[i]) : `0*${run}`);
    i += run;
  }
  return `${VERSION}.${codeHash(source, params)}.t${items.join("-")}`;
}

export function decodeSchedule(text: string): DecodedSchedule | ScheduleProblem {
  const parts = text.trim().split(".");
  if (parts.length !== 3) return { problem: engineMessage("schedule.notSchedule") };
  const [version, hash, runs] = parts as [string, string, string];
  if (version !== VERSION) return { problem: engineMessage("schedule.format", { version, reads: VERSION }) };
  if (!/^[0-9a-f]{8}$/.test(hash)) return { problem: engineMessage("schedule.hash") };
  if (runs.startsWith("t")) return decodeChoices(hash, runs);
  if (!STEPS.test(runs)) return { problem: engineMessage("schedule.steps") };
  const steps: Option[] = [];
  for (const [, letter, count] of runs.matchAll(RUN)) {
    const code = letter!.charCodeAt(0);
    const timeout = code >= 97;
    const worker = code - (timeout ? 97 : 65);
    const times = count === "" ? 1 : Number(count);
    if (times < 1 || steps.length + times > MAX_STEPS) return { problem: engineMessage("schedule.tooLong", { most: MAX_STEPS }) };
    for (let k = 0; k < times; k++) steps.push({ worker, timeout });
  }
  return { hash, steps };
}

function decodeChoices(hash: string, text: string): DecodedSchedule | ScheduleProblem {
  if (!CHOICES.test(text)) {
    return { problem: engineMessage("schedule.choices") };
  }
  const choices: number[] = [];
  for (const item of text.slice(1).split("-").filter(Boolean)) {
    const [position, times] = item.startsWith("0*") ? [0, Number(item.slice(2))] : [Number(item), 1];
    if (times < 1 || position > MAX_STEPS || choices.length + times > MAX_STEPS) {
      return { problem: engineMessage("schedule.tooManyChoices", { most: MAX_STEPS }) };
    }
    for (let k = 0; k < times; k++) choices.push(position);
  }
  return { hash, choices };
}

export type ScheduleMoves = { readonly steps: readonly Option[] } | { readonly choices: readonly number[] };

/** A schedule's moves (or, for asyncio tasks, choices), when it was made on this code with these parameters; otherwise why it cannot replay them. */
export function scheduleFor(text: string, source: string, params: Readonly<Record<string, ParamValue>>): ScheduleMoves | ScheduleProblem {
  const decoded = decodeSchedule(text);
  if ("problem" in decoded) return decoded;
  if (decoded.hash !== codeHash(source, params)) {
    return { problem: engineMessage("schedule.codeChanged") };
  }
  return "steps" in decoded ? { steps: decoded.steps } : { choices: decoded.choices };
}

/** FNV-1a over the code and the parameters in name order: a schedule replays only on what it was found on. */
export function codeHash(source: string, params: Readonly<Record<string, ParamValue>>): string {
  const text = `${source}\u0000${JSON.stringify(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
  return fnv1a(text).toString(16).padStart(8, "0");
}
