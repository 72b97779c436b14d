/**
 * What the student's browser remembers per lesson: their code (saved as they
 * type), their parameter values, and the goals they have met; and the
 * playground's promise. Storage can be
 * full or disabled; then nothing is remembered, nothing breaks, and a
 * failed save of the code says so (the page tells the student at once).
 */
import type { Params } from "../engine/session";
import { uiMessage } from "./messages/messages";

const PREFIX = "interleave:v1";

function read<T>(key: string): T | undefined {
  try {
    const text = localStorage.getItem(`${PREFIX}:${key}`);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

/** Whether `value` is now what is stored under `key`. */
function write(key: string, value: unknown): boolean {
  try {
    if (value === undefined) localStorage.removeItem(`${PREFIX}:${key}`);
    else localStorage.setItem(`${PREFIX}:${key}`, JSON.stringify(value));
    return true;
  } catch {
    // Storage full or blocked: the session keeps working, unsaved.
    return false;
  }
}

/** Saves code, or, when it cannot, forgets the older copy: a reload must not bring back a stale half-edit (an empty file, say). */
function writeCode(key: string, code: string | undefined): boolean {
  if (write(key, code)) return true;
  write(key, undefined);
  return false;
}

export const saved = {
  code: (lesson: string) => read<string>(`code:${lesson}`),
  /** False when the browser refused to store it (storage full or blocked). */
  saveCode: (lesson: string, code: string | undefined) => writeCode(`code:${lesson}`, code),
  params: (lesson: string) => read<Params>(`params:${lesson}`),
  saveParams: (lesson: string, params: Params | undefined) => write(`params:${lesson}`, params),
  /**
   * Calls `changed` with the code another tab of the site saved for `lesson`
   * (undefined: back to the starter). Returns the unsubscribe. The browser
   * tells every other tab of a change, never the tab that made it.
   */
  onOtherTabCode: (lesson: string, changed: (code: string | undefined) => void): (() => void) => {
    const key = `${PREFIX}:code:${lesson}`;
    const listener = (event: StorageEvent) => {
      if (event.key === key) changed(event.newValue === null ? undefined : (JSON.parse(event.newValue) as string));
    };
    addEventListener("storage", listener);
    return () => removeEventListener("storage", listener);
  },
  /** The student's own code, kept when they chose to see the solution. */
  ownCode: (lesson: string) => read<string>(`own-code:${lesson}`),
  saveOwnCode: (lesson: string, code: string | undefined) => writeCode(`own-code:${lesson}`, code),
  goals: (lesson: string) => read<string[]>(`goals:${lesson}`) ?? [],
  saveGoals: (lesson: string, goals: Iterable<string>) => write(`goals:${lesson}`, [...goals]),
  /** The playground's promise, what explore checks there. */
  promise: () => read<string>("playground-promise"),
  savePromise: (promise: string) => write("playground-promise", promise),
  /** The lesson the student opened last, for "continue where you left off". */
  lastLesson: () => read<string>("last-lesson"),
  saveLastLesson: (lesson: string) => write("last-lesson", lesson),
  /** The language the student chose for the page (none: the browser's). */
  language: () => read<string>("language"),
  saveLanguage: (language: string) => write("language", language),
};

const FORMAT = "interleave-progress";
const LESSON_KEYS = ["code", "own-code", "params", "goals"];

/** The site's keys, without their prefix: what `read` and `write` take. */
function ownKeys(): string[] {
  try {
    return Object.keys(localStorage)
      .filter((key) => key.startsWith(`${PREFIX}:`))
      .map((key) => key.slice(PREFIX.length + 1));
  } catch {
    return [];
  }
}

/** Everything the browser remembers of the course (code, parameters and goals per lesson; the playground's promise), as one file's JSON. */
export function exportProgress(): string {
  const entries: Record<string, unknown> = {};
  for (const key of ownKeys()) entries[key] = read(key);
  return JSON.stringify({ format: FORMAT, version: 1, exportedAt: new Date().toISOString(), entries }, null, 2);
}

/** An exported file's entries, or a readable reason why `text` is not one, in the page's language. */
export function readProgress(text: string): { readonly entries: Readonly<Record<string, unknown>> } | { readonly problem: string } {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { problem: uiMessage("progress.notJson") };
  }
  const { format, version, entries } = (file ?? {}) as Record<string, unknown>;
  if (format !== FORMAT) return { problem: uiMessage("progress.notExport") };
  if (version !== 1) return { problem: uiMessage("progress.otherVersion", { version: String(version) }) };
  if (typeof entries !== "object" || entries === null || Array.isArray(entries)) return { problem: uiMessage("progress.damaged") };
  return { entries: entries as Record<string, unknown> };
}

/** Replaces what the browser remembers with `entries`; false when storage refused some of them. */
export function importProgress(entries: Readonly<Record<string, unknown>>): boolean {
  forget();
  return Object.entries(entries).every(([key, value]) => write(key, value));
}

/** Forgets a lesson's code, parameters and goals met; without a lesson, everything the site remembers. */
export function forget(lesson?: string): void {
  const keys = lesson === undefined ? ownKeys() : LESSON_KEYS.map((kind) => `${kind}:${lesson}`);
  for (const key of keys) write(key, undefined);
}
