/**
 * Chart rows from a session's run history. Across runs: one row per finished run, with
 * the numeric fields of its result, and from the run itself `ms` (its body
 * time), `switches` (GIL hand-overs) and `switchesPerSecond`. Runs that
 * failed or were stopped leave no row. Within the latest run: its series
 * over time, or one row per element of its list fields.
 */
import type { RunRecord } from "../../engine/session";

export interface RunRow {
  readonly run: number;
  readonly label: string;
  readonly [series: string]: number | string;
}

export function runRows(history: readonly RunRecord[]): RunRow[] {
  const rows: RunRow[] = [];
  for (const record of history) {
    const { outcome } = record;
    if (outcome.status !== "done") continue;
    const fields = typeof outcome.result === "object" && outcome.result !== null ? outcome.result : {};
    const numeric = Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === "number"));
    const seconds = outcome.bodyMs / 1000;
    rows.push({
      ms: round(outcome.bodyMs),
      switches: outcome.gilSwitches,
      switchesPerSecond: seconds > 0 ? round(outcome.gilSwitches / seconds) : 0,
      ...numeric,
      run: record.index,
      label: runLabel(record),
    });
  }
  return rows;
}

/**
 * The latest finished run's series (result fields holding `[ms, value]`
 * points, as `Series.points()` gives), one row per point with `x` its time:
 * each row carries only its own series' value, and lines join across the gaps.
 */
export function timeRows(history: readonly RunRecord[], series: readonly string[]): RunRow[] {
  const fields = latestResult(history);
  if (fields === null) return [];
  const rows: RunRow[] = [];
  for (const name of series) {
    const points = fields[name];
    if (!Array.isArray(points)) continue;
    for (const point of points) {
      if (Array.isArray(point) && typeof point[0] === "number" && typeof point[1] === "number") {
        rows.push({ run: 0, label: "", x: point[0], [name]: point[1] });
      }
    }
  }
  return rows.sort((a, b) => (a.x as number) - (b.x as number));
}

/** The latest finished run's list fields (numbers), one row per element: `x` is its 1-based position. */
export function itemRows(history: readonly RunRecord[], series: readonly string[]): RunRow[] {
  const fields = latestResult(history);
  if (fields === null) return [];
  const lists = series.map((name) => [name, Array.isArray(fields[name]) ? (fields[name] as unknown[]) : []] as const);
  const length = Math.max(0, ...lists.map(([, list]) => list.length));
  return Array.from({ length }, (_, i) => ({
    run: 0,
    label: "",
    x: i + 1,
    ...Object.fromEntries(lists.flatMap(([name, list]) => (typeof list[i] === "number" ? [[name, list[i]]] : []))),
  }));
}

function latestResult(history: readonly RunRecord[]): Record<string, unknown> | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const { outcome } = history[i]!;
    if (outcome.status === "done") {
      return typeof outcome.result === "object" && outcome.result !== null ? (outcome.result as Record<string, unknown>) : null;
    }
  }
  return null;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** "#3 fix=lock": the run number and its choice parameters, which tell runs apart. */
function runLabel(record: RunRecord): string {
  const choices = Object.entries(record.params).filter(([, v]) => typeof v === "string");
  return [`#${record.index}`, ...choices.map(([k, v]) => `${k}=${v}`)].join(" ");
}

/**
 * One row per value of `param`, from the latest run with that value among the
 * runs whose other parameters match the latest run's: "for the current
 * settings, how does the result change with `param`". `x` holds the value.
 */
export function paramRows(history: readonly RunRecord[], param: string): RunRow[] {
  const done = history.filter((r) => r.outcome.status === "done");
  const latest = done.at(-1);
  if (!latest) return [];
  const sameOthers = (r: RunRecord) =>
    Object.entries(latest.params).every(([k, v]) => k === param || r.params[k] === v);
  const byValue = new Map<string, RunRecord>();
  for (const record of done) if (sameOthers(record)) byValue.set(String(record.params[param]), record);
  const records = [...byValue.values()];
  const rows = runRows(records).map((row, i) => ({ ...row, x: records[i]!.params[param]! }));
  return rows.sort((a, b) => (typeof a.x === "number" && typeof b.x === "number" ? a.x - b.x : 0));
}
