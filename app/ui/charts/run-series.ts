/**
 * Chart rows from a session's run history: one row per finished run, with
 * the numeric fields of its result, and from the run itself `ms` (its body
 * time), `switches` (GIL hand-overs) and `switchesPerSecond`. Runs that
 * failed or were stopped leave no row.
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
