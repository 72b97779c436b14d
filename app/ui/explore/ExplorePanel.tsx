/**
 * Explore on the lesson page: search the current code's schedules for one
 * that fails (an error, a deadlock, or a broken invariant), with live
 * progress and Cancel; then the failing schedule as swimlanes, one column
 * per worker, and as a string to share.
 */
import { useSyncExternalStore } from "react";
import type { Explorer } from "../../engine/explore/explorer";
import type { ExploreResult } from "../../engine/explore/explore";
import { workerName } from "../../runtime/protocol";
import { stepWords } from "./step-words";

interface Props {
  readonly explorer: Explorer;
  /** A free run is going on: explore waits for it. */
  readonly busy: boolean;
  readonly invariantText: string | null;
  onExplore(): void;
}

export function ExplorePanel({ explorer, busy, invariantText, onExplore }: Props) {
  const snapshot = useSyncExternalStore(explorer.subscribe, explorer.getSnapshot);
  const running = snapshot.status === "running";
  return (
    <section className="explore" data-testid="explore" data-status={snapshot.status}>
      <h3>Explore schedules</h3>
      <p className="explore-what">
        Runs your code again and again on the real workers, one step at a time in every order with up to 2 preemptions, looking for one that
        fails: an error, a deadlock{invariantText ? `, or a run where this no longer holds: ${invariantText}` : ""}. It uses the lesson's small
        parameters.
      </p>
      <button onClick={onExplore} disabled={busy || running} data-testid="explore-button">
        Explore
      </button>
      {running && (
        <>
          <button onClick={() => explorer.cancel()} data-testid="explore-cancel">
            Cancel
          </button>
          <p data-testid="explore-progress">
            {snapshot.schedules.toLocaleString("en")} schedules tried ({perSecond(snapshot.schedules, snapshot.startedAt)} a second), up to{" "}
            {plural(snapshot.bound, "preemption")}
          </p>
        </>
      )}
      {snapshot.status === "refused" && <p className="explore-problem">{snapshot.message}</p>}
      {snapshot.status === "done" && <Found result={snapshot.result} schedule={snapshot.schedule} ms={snapshot.ms} cancelled={snapshot.cancelled} />}
    </section>
  );
}

function Found({ result, schedule, ms, cancelled }: { result: ExploreResult; schedule: string | null; ms: number; cancelled: boolean }) {
  const searched = `${plural(result.schedules, "schedule")} with up to ${plural(result.bound, "preemption")}`;
  if (!result.failure) {
    const summary = result.exhaustive ? `No failure in all ${searched}.` : `No failure in ${searched}${cancelled ? " before you cancelled" : ""}; the search did not cover them all.`;
    return (
      <p data-testid="explore-result" data-found="false">
        {summary} ({(ms / 1000).toFixed(1)} s)
      </p>
    );
  }
  const { failure } = result;
  const workers = Math.max(...failure.steps.map((s) => s.worker)) + 1;
  let previous = -1;
  return (
    <div data-testid="explore-result" data-found="true" data-kind={failure.kind}>
      <p className="explore-failure">
        Found after {searched}: {failure.message}
      </p>
      <table className="swimlanes" data-testid="explore-swimlanes" data-steps={failure.steps.length}>
        <thead>
          <tr>
            <th>#</th>
            {Array.from({ length: workers }, (_, w) => (
              <th key={w}>{workerName(w)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {failure.steps.map((step, i) => {
            const switched = previous !== -1 && previous !== step.worker;
            previous = step.worker;
            return (
              <tr key={i} className={switched ? "switch" : undefined}>
                <td>{i + 1}</td>
                {Array.from({ length: workers }, (_, w) => (
                  <td key={w}>{w === step.worker ? stepWords(step, failure.objects) : ""}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {schedule && (
        <p>
          Schedule: <code data-testid="explore-schedule">{schedule}</code>
        </p>
      )}
    </div>
  );
}

function perSecond(count: number, startedAt: number): string {
  const seconds = (performance.now() - startedAt) / 1000;
  return seconds > 0 ? Math.round(count / seconds).toLocaleString("en") : "0";
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;
}
