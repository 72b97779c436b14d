/**
 * What scenario code writes with `console.log` (and info, warn, error,
 * debug), kept for the page's console panel instead of the browser's
 * developer tools, which students rarely open. A run keeps its first
 * MAX_LINES lines, each cut at MAX_CHARS; past that a call only counts, so a
 * loop that logs a million times costs the run an increment a call and the
 * page one short list.
 */
export const MAX_LINES = 200;
const MAX_CHARS = 500;
const LEVELS = ["log", "info", "warn", "error", "debug"] as const;

/** A worker's console output during one run. */
export interface ConsoleOutput {
  readonly lines: readonly string[];
  /** Lines past MAX_LINES, counted and not kept. */
  readonly dropped: number;
}

let lines: string[] = [];
let dropped = 0;
/** Where each kept line also goes as it is written, during a free run: a run stopped, or one that never ends, still shows what it logged. */
let live: ((line: string) => void) | null = null;

/** Sends each line kept from now on to `to` as well (null: to nowhere). Kept lines are capped per run, so this is rate-limited too. */
export function streamConsole(to: ((line: string) => void) | null): void {
  live = to;
}

export function captureConsole(console: Record<string, unknown>): void {
  for (const level of LEVELS) {
    console[level] = (...args: unknown[]) => {
      if (lines.length >= MAX_LINES) return void dropped++;
      const text = line(level, args);
      lines.push(text);
      live?.(text);
    };
  }
}

/** The output since the last call, which clears it. */
export function takeConsole(): ConsoleOutput {
  const taken = { lines, dropped };
  lines = [];
  dropped = 0;
  return taken;
}

function line(level: (typeof LEVELS)[number], args: readonly unknown[]): string {
  const text = args.map(shown).join(" ");
  const cut = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
  return level === "log" || level === "info" || level === "debug" ? cut : `${level}: ${cut}`;
}

function shown(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
