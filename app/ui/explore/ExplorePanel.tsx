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
import { useMessages, type Say } from "../messages/messages";
import { DEFAULT_BUDGET_MS, nondeterminismCause, type ExploreProgress, type ExploreResult } from "../../engine/explore/explore";
import { workerName } from "../../runtime/protocol";
import { stepWords } from "./step-words";
import type { TaskStepStart } from "../../engine/explore/task-stepper";
import { ScheduleShare } from "./ScheduleShare";
import { TaskFound } from "./TaskFound";
import { paramsWords } from "./params-words";
import { withUnit } from "../durations";

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
  const say = useMessages();
  const invariant = invariantText ? say("explore.orInvariant", { invariant: invariantText }) : "";
  return (
    <section className="explore" data-testid="explore" data-status={snapshot.status}>
      <h2>{say("explore.title")}</h2>
      <p className="explore-what">
        {say(asyncio ? "explore.whatTasks" : "explore.whatThreads", { budget: withUnit(DEFAULT_BUDGET_MS / 1000, "s"), invariant, params: say(smallParams ? "explore.smallParams" : "explore.ownParams") })}
      </p>
      <button onClick={onExplore} disabled={busy || running} data-testid="explore-button">
        {say("explore.button")}
      </button>
      {running && (
        <>
          <button onClick={() => explorer.cancel()} data-testid="explore-cancel">
            {say("explore.cancel")}
          </button>
          <p data-testid="explore-progress" data-strategy={snapshot.progress.strategy}>
            {progressWords(say, snapshot.progress, snapshot.startedAt, snapshot.budgetMs)}
          </p>
        </>
      )}
      {snapshot.status === "refused" && <p className="explore-problem">{snapshot.message}</p>}
      {snapshot.status === "done" && (
        <p className="explore-what" data-testid="explore-params">
          {say("explore.searchedWith", { params: paramsWords(say, snapshot.params) || say("explore.noParams") })}
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
  const say = useMessages();
  if (!result.failure) {
    return (
      <p data-testid="explore-result" data-found="false" data-complete={result.complete}>
        {say("explore.searchTime", { text: nothingFound(say, result, cancelled, asyncio), time: withUnit((ms / 1000).toFixed(1), "s") })}
      </p>
    );
  }
  const { failure } = result;
  if (result.schedules === 0) {
    return (
      <p className="explore-problem" data-testid="explore-result" data-found="true" data-kind={failure.kind}>
        {say("explore.couldNotStart", { message: failure.message })}
      </p>
    );
  }
  const random = failure.strategy === "random walk" || failure.strategy === "PCT";
  const strategy = say(failure.strategy === "PCT" ? "explore.strategy.pct" : "explore.strategy.randomWalk");
  const how = random ? say("explore.how", { strategy, preemptions: say("explore.count.preemptions", { count: failure.preemptions }) }) : "";
  const headline = say("explore.found", { schedules: say("explore.count.schedules", { count: result.schedules }), how, message: failure.message });
  const { tasks } = failure;
  if (tasks) {
    const replay = replayTasks && ((from: TaskStepStart) => replayTasks(failure.choices, from));
    return <TaskFound failure={{ ...failure, tasks }} headline={headline} schedule={schedule} link={link} replay={replay} />;
  }
  if (failure.steps.length === 0) {
    // It failed in its first step (a worker that never reaches a scheduling point): nothing to draw or replay.
    return (
      <p className="explore-failure" data-testid="explore-result" data-found="true" data-kind={failure.kind}>
        {headline}
      </p>
    );
  }
  const workers = Math.max(...failure.steps.map((s) => s.worker)) + 1;
  const moves = failure.steps.map(({ worker, timeout }) => ({ worker, timeout }));
  const why = replay ? undefined : say("explore.exploreAgain");
  return (
    <div data-testid="explore-result" data-found="true" data-kind={failure.kind}>
      <p className="explore-failure">{headline}</p>
      {failure.gilNote && (
        <p className="explore-gil" data-testid="explore-gil">
          {failure.gilNote}
        </p>
      )}
      <p>
        <button onClick={() => replay?.([], moves)} disabled={!replay} title={why} data-testid="explore-replay">
          {say("explore.replay")}
        </button>{" "}
        <button onClick={() => replay?.(moves, [])} disabled={!replay} title={why} data-testid="explore-jump">
          {say("explore.jump")}
        </button>
        <small> {say("explore.takeOverAny")}</small>
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
                <button className="take-over" onClick={() => replay?.(moves.slice(0, i), moves.slice(i))} disabled={!replay} title={why ?? say("explore.takeOverBefore", { step: i + 1 })} data-testid={`explore-take-over-${i + 1}`}>
                  {i + 1}
                </button>
              </td>
              {Array.from({ length: workers }, (_, w) => (
                <td key={w}>
                  {w === step.worker && step.preemption && <span className="preempts" title={say("explore.preemption")}>⤵ </span>}
                  {w === step.worker && failure.gilNote && step.gilRulesOut && (
                    <span className="gil-ruled-out" title={say("explore.noGilSwitchTitle")} data-testid={`explore-gil-step-${i + 1}`}>
                      {say("explore.noGilSwitch")}{" "}
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
function nothingFound(say: Say, result: ExploreResult, cancelled: boolean, asyncio: boolean): string {
  const { schedules, bound, randomSchedules } = result;
  const stop = cancelled ? say("explore.nothing.beforeCancel") : "";
  const counted = (count: number) => say("explore.count.schedules", { count });
  if (result.nondeterminism) {
    const why = say(asyncio ? "explore.nothing.unsureTasks" : "explore.nothing.unsureThreads");
    return say("explore.nothing.unsure", { schedules: counted(schedules), stop, why, cause: nondeterminismCause(result.nondeterminism) });
  }
  if (result.complete) {
    if (asyncio) return say("explore.nothing.everyArrival", { schedules: counted(schedules) });
    const skipped = result.equivalentSkipped > 0 ? say("explore.nothing.skipped", { others: say("explore.count.others", { count: result.equivalentSkipped }) }) : "";
    return say("explore.nothing.everyOrder", { schedules: counted(schedules), skipped });
  }
  const random = randomSchedules > 0 ? say("explore.nothing.random", { schedules: say(asyncio ? "explore.count.randomWalk" : "explore.count.randomWalkPct", { count: randomSchedules }) }) : "";
  const searched = counted(schedules - randomSchedules);
  if (!result.exhaustive) return say("explore.nothing.tooMany", { schedules: searched, random, stop, without: say(asyncio ? "explore.nothing.withoutArrival" : "explore.nothing.withoutPreemption") });
  const upTo = say(asyncio ? "explore.count.arrivals" : "explore.count.preemptions", { count: bound });
  return say("explore.nothing.bounded", { schedules: searched, bound: upTo, random, stop });
}

function progressWords(say: Say, { schedules, bound, strategy }: ExploreProgress, startedAt: number, budgetMs: number): string {
  if (schedules === 0) return say("explore.progress.starting");
  const tried = say("explore.progress.tried", { schedules, rate: perSecond(schedules, startedAt) });
  if (strategy === "bounded") return say("explore.progress.bounded", { tried, preemptions: say("explore.count.preemptions", { count: bound }) });
  if (strategy === "every order") return say("explore.progress.everyOrder", { tried });
  if (strategy === "preemptions first") return say("explore.progress.preemptionsFirst", { tried, bound });
  const left = (budgetMs - (performance.now() - startedAt)) / 1000;
  return say("explore.progress.random", { tried, left: left >= 0.5 ? say("explore.progress.left", { time: withUnit(left.toFixed(0), "s") }) : say("explore.progress.finishing") });
}

function perSecond(count: number, startedAt: number): number {
  const seconds = (performance.now() - startedAt) / 1000;
  return seconds > 0 ? Math.round(count / seconds) : 0;
}

