import { useCallback, useState } from "react";
import type { RunRecord, SessionSnapshot } from "../engine/session";
import { workerName } from "../runtime/protocol";
import { useLiveRefresh } from "./live-refresh";

/** What the current or last run is doing or did, in words, plus its result's fields. */
export function RunStatus({ running, last, edited, stepping }: { running: SessionSnapshot["running"]; last: RunRecord | null; edited: boolean; stepping: boolean }) {
  const status = running ? "running" : (last?.outcome.status ?? "idle");
  // How many runs have ended (or been refused): what tells one run's status from the one before.
  const runs = last?.index ?? 0;
  if (stepping && !running) {
    return (
      <div className="run-status" data-testid="run-status" data-status={status} data-runs={runs} role="status">
        <p>In step mode: the workers move only when you step them, below. Leave step mode (or press Stop) to run freely again.</p>
      </div>
    );
  }
  return (
    <div className={`run-status ${status}`} data-testid="run-status" data-status={status} data-runs={runs} role="status">
      {running ? <Elapsed since={running.startedAt} /> : <Summary record={last} />}
      {!running && last?.interpreter && (
        <p className="interpreter" data-testid="run-interpreter" data-mode={last.interpreter.mode}>
          {interpreterWords(last.interpreter)}
        </p>
      )}
      {!running && last && edited && last.outcome.status !== "done" && <p className="stale">(This was the code before your last edit.)</p>}
      {!running && last?.outcome.status === "done" && <RunNotes notes={last.outcome.workers.flatMap((w) => w.notes)} />}
      {!running && last?.outcome.status === "done" && <ResultFields result={last.outcome.result} />}
    </div>
  );
}

/** Which Python the run stood for: the figures and losses a student sees are that interpreter's. */
export function interpreterWords({ mode, switchIntervalMs, executor }: NonNullable<RunRecord["interpreter"]>): string {
  switch (mode) {
    case "gil":
      return `Ran as Python threads under the GIL (CPython 3.10 or later, switch interval ${switchIntervalMs} ms${switchIntervalMs === 5 ? ", the default" : ""}).`;
    case "free-threaded":
      return "Ran as free-threaded Python threads: no GIL, as python3.13t runs them.";
    case "processes":
      return "Ran as Python processes: each has its own interpreter and its own GIL.";
    case "asyncio":
      if (executor === "threads") return "Ran as asyncio tasks taking turns on one event loop, with a pool of threads for its jobs that shares the loop's GIL.";
      if (executor === "processes") return "Ran as asyncio tasks taking turns on one event loop, with a pool of processes for its jobs, each with its own GIL.";
      return "Ran as asyncio tasks taking turns on one event loop, one thread.";
  }
}

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(performance.now());
  useLiveRefresh(true, useCallback(() => setNow(performance.now()), []));
  return <p>Running… {formatMs(now - since)} (Esc stops)</p>;
}

function Summary({ record }: { record: RunRecord | null }) {
  if (!record) return <p>Ready. Predict what will happen, then press Run.</p>;
  const { outcome } = record;
  switch (outcome.status) {
    case "done":
      return (
        <p>
          Run {record.index} finished: {plural(outcome.workers.length, "worker")} in {formatMs(outcome.bodyMs)}.
        </p>
      );
    case "error": {
      const { error } = outcome;
      const where = [
        error.workerId !== undefined ? `worker ${workerName(error.workerId)}` : null,
        error.line !== undefined ? `line ${error.line}` : null,
      ].filter(Boolean);
      return (
        <p className="run-error" data-testid="run-error">
          {error.name} in {where.length ? where.join(", ") : `the scenario's ${error.phase}`}: {error.message}
        </p>
      );
    }
    case "stopped":
      return <p data-testid="run-stopped">{outcome.message}</p>;
    case "deadlock":
      return (
        <p className="run-error" data-testid="run-deadlock">
          {outcome.deadlock.message} The run was stopped after {formatMs(outcome.elapsedMs)}.
        </p>
      );
    case "refused":
      return (
        <p className="run-error" data-testid="run-error">
          Not run: {outcome.message}
          {outcome.compile?.line !== undefined && ` (line ${outcome.compile.line})`}
        </p>
      );
  }
}

/** What the run left for the student without failing: a leaked task, a swallowed cancellation. */
function RunNotes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="run-notes" data-testid="run-notes">
      {notes.map((note, i) => (
        <li key={i}>{note}</li>
      ))}
    </ul>
  );
}

function ResultFields({ result }: { result: unknown }) {
  if (typeof result !== "object" || result === null) {
    return <p data-testid="run-result">Result: {formatValue(result)}</p>;
  }
  return (
    <dl className="result-fields" data-testid="run-result">
      {Object.entries(result).map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd data-testid={`result-${key}`} data-value={String(value)}>
            {formatValue(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A list longer than this (a series' points, one wait per client) is summarised: the charts draw it. */
const LIST_SHOWN = 12;

/** Results are checked to be plain data, but the page never trusts that with its life. */
function formatValue(value: unknown): string {
  // Negative zero (a difference that came out -0) is zero to a student.
  if (typeof value === "number") return (value === 0 ? 0 : value).toLocaleString("en");
  if (Array.isArray(value) && value.length > LIST_SHOWN) return `${value.length.toLocaleString("en")} values (in the charts)`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
