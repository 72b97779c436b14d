import { useCallback, useState } from "react";
import type { RunRecord, SessionSnapshot } from "../engine/session";
import { workerName, type ScenarioErrorInfo } from "../runtime/protocol";
import { formatRunTime, withUnit } from "./durations";
import { useLiveRefresh } from "./live-refresh";
import { useMessages, type Say } from "./messages/messages";

/** What the current or last run is doing or did, in words, plus its result's fields. */
export function RunStatus({ running, last, edited, stepping }: { running: SessionSnapshot["running"]; last: RunRecord | null; edited: boolean; stepping: boolean }) {
  const say = useMessages();
  const status = running ? "running" : (last?.outcome.status ?? "idle");
  // How many runs have ended (or been refused): what tells one run's status from the one before.
  const runs = last?.index ?? 0;
  if (stepping && !running) {
    return (
      <div className="run-status" data-testid="run-status" data-status={status} data-runs={runs} role="status">
        <p>{say("run.stepping")}</p>
      </div>
    );
  }
  return (
    <div className={`run-status ${status}`} data-testid="run-status" data-status={status} data-runs={runs} role="status">
      {running ? <Elapsed since={running.startedAt} /> : <Summary record={last} />}
      {!running && last?.interpreter && (
        <p className="interpreter" data-testid="run-interpreter" data-mode={last.interpreter.mode}>
          {interpreterWords(last.interpreter, say)}
        </p>
      )}
      {!running && last && edited && last.outcome.status !== "done" && <p className="stale">{say("run.stale")}</p>}
      {!running && last?.outcome.status === "done" && <RunNotes notes={last.outcome.workers.flatMap((w) => w.notes)} />}
      {!running && last?.outcome.status === "done" && <ResultFields result={last.outcome.result} />}
    </div>
  );
}

/** Which Python the run stood for: the figures and losses a student sees are that interpreter's. */
function interpreterWords({ mode, switchIntervalMs, executor }: NonNullable<RunRecord["interpreter"]>, say: Say): string {
  switch (mode) {
    case "gil":
      return say(switchIntervalMs === 5 ? "interpreter.gilDefault" : "interpreter.gil", { interval: withUnit(switchIntervalMs, "ms") });
    case "free-threaded":
      return say("interpreter.freeThreaded");
    case "processes":
      return say("interpreter.processes");
    case "asyncio":
      if (executor === "threads") return say("interpreter.asyncioThreads");
      if (executor === "processes") return say("interpreter.asyncioProcesses");
      return say("interpreter.asyncio");
  }
}

function Elapsed({ since }: { since: number }) {
  const say = useMessages();
  const [now, setNow] = useState(performance.now());
  useLiveRefresh(true, useCallback(() => setNow(performance.now()), []));
  return <p>{say("run.running", { time: formatRunTime(now - since) })}</p>;
}

function Summary({ record }: { record: RunRecord | null }) {
  const say = useMessages();
  if (!record) return <p>{say("run.ready")}</p>;
  const { outcome } = record;
  switch (outcome.status) {
    case "done":
      return <p>{say("run.finished", { index: record.index, count: outcome.workers.length, time: formatRunTime(outcome.bodyMs) })}</p>;
    case "error":
      return (
        <p className="run-error" data-testid="run-error">
          {errorWords(outcome.error, say)}
        </p>
      );
    case "stopped":
      return <p data-testid="run-stopped">{outcome.message}</p>;
    case "deadlock":
      return (
        <p className="run-error" data-testid="run-deadlock">
          {say("run.deadlock", { message: outcome.deadlock.message, time: formatRunTime(outcome.elapsedMs) })}
        </p>
      );
    case "refused": {
      const line = outcome.compile?.line;
      return (
        <p className="run-error" data-testid="run-error">
          {line === undefined ? say("run.refused", { message: outcome.message }) : say("run.refusedAt", { message: outcome.message, line })}
        </p>
      );
    }
  }
}

/** Where the error was (worker, line, or else the scenario's phase), one message each so a translation may order it. */
function errorWords(error: ScenarioErrorInfo, say: Say): string {
  const { name, message, line } = error;
  const worker = error.workerId === undefined ? undefined : workerName(error.workerId);
  if (worker !== undefined && line !== undefined) return say("run.errorInWorkerAtLine", { name, worker, line, message });
  if (worker !== undefined) return say("run.errorInWorker", { name, worker, message });
  if (line !== undefined) return say("run.errorAtLine", { name, line, message });
  return say("run.errorInPhase", { name, phase: say(`run.phase.${error.phase}`), message });
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
  const say = useMessages();
  if (typeof result !== "object" || result === null) {
    return <p data-testid="run-result">{say("run.result", { value: formatValue(result, say) })}</p>;
  }
  return (
    <dl className="result-fields" data-testid="run-result">
      {Object.entries(result).map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd data-testid={`result-${key}`} data-value={String(value)}>
            {formatValue(value, say)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A list longer than this (a series' points, one wait per client) is summarised: the charts draw it. */
const LIST_SHOWN = 12;

/** Results are checked to be plain data, but the page never trusts that with its life. */
function formatValue(value: unknown, say: Say): string {
  // Negative zero (a difference that came out -0) is zero to a student.
  if (typeof value === "number") return (value === 0 ? 0 : value).toLocaleString("en");
  if (Array.isArray(value) && value.length > LIST_SHOWN) return say("run.manyValues", { total: value.length });
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
