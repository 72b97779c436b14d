/**
 * Explore on the lesson page: search the current code's schedules for one
 * that fails (an error, a deadlock, or a broken invariant), with live
 * progress and Cancel; then the failing schedule as swimlanes, one column
 * per worker (per task, for an asyncio scenario: TaskFound.tsx), and as a
 * string to share.
 */
import { useSyncExternalStore } from "react";
import type { Explorer } from "../../engine/explore/explorer";
import type { Invariant } from "../../engine/course/lesson";
import type { Option } from "../../engine/explore/controller";
import type { ParamValue } from "../../runtime/params";
import { plural } from "../../engine/plural";
import { DEFAULT_BUDGET_MS, nondeterminismCause, type ExploreProgress, type ExploreResult } from "../../engine/explore/explore";
import { workerName } from "../../runtime/protocol";
import { stepWords } from "./step-words";
import type { TaskStepStart } from "../../engine/explore/task-stepper";
import { ScheduleShare } from "./ScheduleShare";
import { TaskFound } from "./TaskFound";

interface Props {
  readonly explorer: Explorer;
  /** A free run is going on: explore waits for it. */
  readonly busy: boolean;
  readonly invariantText: string | null;
  /** The lesson gives explore small parameters of its own (stepParams). */
  readonly smallParams: boolean;
  /** The scenario's tasks run on an event loop: the search varies the loop's arrivals, not which worker moves. */
  readonly asyncio: boolean;
  /** The code in the editor now: a found schedule replays only on the code it was found on. */
  readonly source: string;
  onExplore(): void;
  /** Opens step mode on the searched code after `moves`, with `planned` as the schedule's steps still to follow. */
  onReplay(moves: readonly Option[], planned: readonly Option[], source: string, params: Readonly<Record<string, ParamValue>>): void;
  /** Opens task step mode on the searched code, following `choices` (an asyncio scenario's schedule) from `from`. */
  onReplayTasks(choices: readonly number[], from: TaskStepStart, source: string, params: Readonly<Record<string, ParamValue>>): void;
  /** The address that opens this lesson with the searched code, parameters and found schedule (and, in the playground, promise). */
  shareLink(source: string, params: Readonly<Record<string, ParamValue>>, schedule: string, invariant: Invariant | null): string;
}

export function ExplorePanel({ explorer, busy, invariantText, smallParams, asyncio, source, onExplore, onReplay, onReplayTasks, shareLink }: Props) {
  const snapshot = useSyncExternalStore(explorer.subscribe, explorer.getSnapshot);
  const running = snapshot.status === "running";
  return (
    <section className="explore" data-testid="explore" data-status={snapshot.status}>
      <h2>Explore schedules</h2>
      <p className="explore-what">
        {asyncio ? (
          <>
            Runs your tasks again and again on the event loop, one task step at a time. The ready tasks always run in the order CPython
            runs them; what varies is which I/O completes first and whether a timer (a timeout) fires before I/O still out: first with
            every I/O on time, then with 1, 2 and more out-of-order arrivals while time allows, then in random orders until about{" "}
            {DEFAULT_BUDGET_MS / 1000} s have passed, looking for one that fails: an error, a deadlock, a task left running or a
            swallowed cancellation
          </>
        ) : (
          <>
            Runs your code again and again on the real workers, one step at a time: first in every order with no preemption (a worker
            interrupted while it could go on), then with up to 1, 2 and more while time allows, then in random orders until about{" "}
            {DEFAULT_BUDGET_MS / 1000} s have passed, looking for one that fails: an error, a deadlock
          </>
        )}
        {invariantText ? `, or a run where this no longer holds: ${invariantText}` : ""}.{" "}
        {smallParams ? "It uses the lesson's small parameters." : "It uses the parameters above: keep them small, a few dozen steps per worker."}
      </p>
      <button onClick={onExplore} disabled={busy || running} data-testid="explore-button">
        Explore
      </button>
      {running && (
        <>
          <button onClick={() => explorer.cancel()} data-testid="explore-cancel">
            Cancel
          </button>
          <p data-testid="explore-progress" data-strategy={snapshot.progress.strategy}>
            {progressWords(snapshot.progress, snapshot.startedAt, snapshot.budgetMs)}
          </p>
        </>
      )}
      {snapshot.status === "refused" && <p className="explore-problem">{snapshot.message}</p>}
      {snapshot.status === "done" && (
        <p className="explore-what" data-testid="explore-params">
          Searched with {Object.entries(snapshot.params).map(([name, value]) => `${name} ${String(value)}`).join(", ") || "no parameters"}.
        </p>
      )}
      {snapshot.status === "done" && (
        <Found
          asyncio={asyncio}
          result={snapshot.result}
          schedule={snapshot.schedule}
          ms={snapshot.ms}
          cancelled={snapshot.cancelled}
          replay={busy || snapshot.source !== source ? null : (moves, planned) => onReplay(moves, planned, snapshot.source, snapshot.params)}
          replayTasks={busy || snapshot.source !== source ? null : (choices, from) => onReplayTasks(choices, from, snapshot.source, snapshot.params)}
          link={snapshot.schedule === null ? null : shareLink(snapshot.source, snapshot.params, snapshot.schedule, snapshot.invariant)}
        />
      )}
    </section>
  );
}

interface FoundProps {
  /** The search was over asyncio tasks: its verdict speaks of arrivals, not workers. */
  readonly asyncio: boolean;
  readonly result: ExploreResult;
  readonly schedule: string | null;
  readonly ms: number;
  readonly cancelled: boolean;
  /** Null while a run goes on, or when the code has changed since the search. */
  readonly replay: ((moves: readonly Option[], planned: readonly Option[]) => void) | null;
  readonly replayTasks: ((choices: readonly number[], from: TaskStepStart) => void) | null;
  /** The share link of the found schedule. */
  readonly link: string | null;
}

function Found({ result, schedule, ms, cancelled, replay, replayTasks, link, asyncio }: FoundProps) {
  if (!result.failure) {
    return (
      <p data-testid="explore-result" data-found="false" data-complete={result.complete}>
        {nothingFound(result, cancelled, asyncio)} ({(ms / 1000).toFixed(1)} s)
      </p>
    );
  }
  const { failure } = result;
  if (result.schedules === 0) {
    return (
      <p className="explore-problem" data-testid="explore-result" data-found="true" data-kind={failure.kind}>
        Explore could not start the scenario: {failure.message} Run it once to see where.
      </p>
    );
  }
  const random = failure.strategy === "random walk" || failure.strategy === "PCT";
  const how = random ? ` by ${failure.strategy}, shrunk to ${plural(failure.preemptions, "preemption")}` : "";
  const { tasks } = failure;
  if (tasks) {
    const headline = `Found after ${plural(result.schedules, "schedule")}${how}: ${failure.message}`;
    const replay = replayTasks && ((from: TaskStepStart) => replayTasks(failure.choices, from));
    return <TaskFound failure={{ ...failure, tasks }} headline={headline} schedule={schedule} link={link} replay={replay} />;
  }
  if (failure.steps.length === 0) {
    // It failed in its first step (a worker that never reaches a scheduling point): nothing to draw or replay.
    return (
      <p className="explore-failure" data-testid="explore-result" data-found="true" data-kind={failure.kind}>
        Found after {plural(result.schedules, "schedule")}
        {how}: {failure.message}
      </p>
    );
  }
  const workers = Math.max(...failure.steps.map((s) => s.worker)) + 1;
  const moves = failure.steps.map(({ worker, timeout }) => ({ worker, timeout }));
  const why = replay ? undefined : "Explore again first: the code changed since this search, or a run is going on.";
  return (
    <div data-testid="explore-result" data-found="true" data-kind={failure.kind}>
      <p className="explore-failure">
        Found after {plural(result.schedules, "schedule")}
        {how}: {failure.message}
      </p>
      {failure.gilNote && (
        <p className="explore-gil" data-testid="explore-gil">
          {failure.gilNote}
        </p>
      )}
      <p>
        <button onClick={() => replay?.([], moves)} disabled={!replay} title={why} data-testid="explore-replay">
          Replay in step mode
        </button>{" "}
        <button onClick={() => replay?.(moves, [])} disabled={!replay} title={why} data-testid="explore-jump">
          Go to the failure
        </button>
        <small> Or take over at any step: the workers replay the steps before it, then you move them.</small>
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
          {failure.steps.map((step, i) => (
            <tr key={i} className={step.preemption ? "preemption" : undefined}>
              <td>
                <button className="take-over" onClick={() => replay?.(moves.slice(0, i), moves.slice(i))} disabled={!replay} title={why ?? `Take over before step ${i + 1}`} data-testid={`explore-take-over-${i + 1}`}>
                  {i + 1}
                </button>
              </td>
              {Array.from({ length: workers }, (_, w) => (
                <td key={w}>
                  {w === step.worker && step.preemption && <span className="preempts" title="A preemption: the worker before could have gone on">⤵ </span>}
                  {w === step.worker && failure.gilNote && step.gilRulesOut && (
                    <span className="gil-ruled-out" title="CPython's GIL would not switch here" data-testid={`explore-gil-step-${i + 1}`}>
                      (no GIL switch here in CPython){" "}
                    </span>
                  )}
                  {w === step.worker ? stepWords(step, failure.objects) : ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="failure-row">
            <td>✗</td>
            <td colSpan={workers} data-testid="explore-swimlanes-end">
              {failure.message}
            </td>
          </tr>
        </tfoot>
      </table>
      <ScheduleShare schedule={schedule} link={link} />
    </div>
  );
}

/** What a search that found nothing covered, in words. */
function nothingFound(result: ExploreResult, cancelled: boolean, asyncio: boolean): string {
  const { schedules, bound, randomSchedules } = result;
  const stop = cancelled ? " before you cancelled" : "";
  if (result.nondeterminism) {
    const why = asyncio ? "the tasks' path may depend on more than the order of arrivals" : "some runs took another path on the same choices";
    return `No failure in ${plural(schedules, "schedule")}${stop}, but ${why}, so the search cannot tell what it covered. ${nondeterminismCause(result.nondeterminism)}`;
  }
  if (result.complete) {
    if (asyncio) return `No failure in all ${plural(schedules, "schedule")}: that is every order in which the I/O and the timers can arrive (the ready tasks run in CPython's order in each).`;
    const skipped = result.equivalentSkipped > 0 ? `, ${plural(result.equivalentSkipped, "other")} skipped as equivalent (the same steps in another order of independent ones)` : "";
    return `No failure in all ${plural(schedules, "schedule")}${skipped}: that is every order in which the workers can run (a worker spinning on a value nobody changes lets the others go first).`;
  }
  const random = randomSchedules > 0 ? `, nor in ${plural(randomSchedules, asyncio ? "random-walk schedule" : "random-walk and PCT schedule")} after them` : "";
  const preemption = asyncio ? "out-of-order arrival" : "preemption";
  if (!result.exhaustive) return `No failure in ${plural(schedules - randomSchedules, "schedule")}${random}${stop}; that is not even every schedule without ${asyncio ? "an out-of-order arrival" : "preemptions"}: there are too many to try.`;
  return `No failure in ${plural(schedules - randomSchedules, "schedule")}, every one with up to ${plural(bound, preemption)} among them${random}${stop}.`;
}

function progressWords({ schedules, bound, strategy }: ExploreProgress, startedAt: number, budgetMs: number): string {
  if (schedules === 0) return "Starting the workers…";
  const tried = `${schedules.toLocaleString("en")} schedules tried (${perSecond(schedules, startedAt)} a second)`;
  if (strategy === "bounded") return `${tried}: every schedule with up to ${plural(bound, "preemption")}`;
  if (strategy === "every order") return `${tried}: every order, skipping those equivalent to one already run`;
  if (strategy === "preemptions first") return `${tried}: too many workers to try every order, so preemptions first, up to ${bound}`;
  const left = (budgetMs - (performance.now() - startedAt)) / 1000;
  return `${tried}: now in random orders (random walks, and PCT, a randomized scheduler), ${left >= 0.5 ? `${left.toFixed(0)} s left` : "finishing"}`;
}

function perSecond(count: number, startedAt: number): string {
  const seconds = (performance.now() - startedAt) / 1000;
  return seconds > 0 ? Math.round(count / seconds).toLocaleString("en") : "0";
}

