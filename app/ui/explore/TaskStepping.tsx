/**
 * Task step mode on the lesson page (engine/explore/task-stepper.ts): each
 * task's lane and where it stands, the steps so far as swimlanes, the next
 * task step, and where the event loop has a choice, one button per arrival
 * on offer, the out-of-order ones marked as preemptions.
 */
import type { TaskStepper, TaskStepSnapshot, TaskOutcome } from "../../engine/explore/task-stepper";
import { useMessages, type Say } from "../messages/messages";
import { paramsWords } from "./params-words";
import { TaskSwimlanes } from "./TaskSwimlanes";
import { PlayPause } from "./PlayPause";

type Open = Extract<TaskStepSnapshot, { status: "stepping" | "ended" }>;

/** Between the steps of a played schedule: slow enough to follow, quick enough not to bore. */

export function TaskStepping({ stepper, snapshot, smallParams }: { stepper: TaskStepper; snapshot: Open; smallParams: boolean }) {
  const live = snapshot.status === "stepping";
  const { plan, offered } = snapshot;
  const say = useMessages();
  const params = paramsWords(say, snapshot.params) || say("paramList.none");
  const taskSteps = (count: number) => say("explore.count.taskSteps", { count });
  return (
    <>
      <p className="explore-what" data-testid="step-params">
        {say(smallParams ? "tasks.paramsSmall" : "tasks.params", { params })}
      </p>
      <ul className="step-workers">
        {snapshot.lanes.slice(1).map((name, t) => (
          <li key={t} className={`step-w${t % 4}`} data-testid={`step-task-${t + 1}`}>
            <strong>{name}</strong> {snapshot.standing[t] ?? lastWords(say, snapshot, t + 1)}
          </li>
        ))}
      </ul>
      {live && offered.length > 0 && (
        <div className="step-choice" data-testid="step-choice">
          <p>{say("tasks.choice")}</p>
          {offered.map((arrival, position) => (
            <button key={position} onClick={() => void stepper.choose(position)} className={arrival.preemption ? "preempting" : undefined} data-testid={`step-arrival-${position}`} data-preemption={arrival.preemption}>
              {arrival.preemption && <span className="preempts">⤵ </span>}
              {arrival.words}
              {arrival.preemption && <small>{say("tasks.preemption")}</small>}
              {plan?.next === position && <small>{say("tasks.theSchedules")}</small>}
            </button>
          ))}
        </div>
      )}
      {plan && live && (
        <p className="step-plan" data-testid="step-plan">
          {say("tasks.following", { taken: snapshot.taskSteps, steps: taskSteps(plan.steps) })}{" "}
          <PlayPause playing={snapshot.playing} play={(delayMs) => stepper.play(delayMs)} pause={() => stepper.pause()} />
          <small> {say("tasks.takeOver")}</small>
        </p>
      )}
      <p className="step-controls">
        <button onClick={() => void stepper.next()} disabled={!live} data-testid="step-next" title={offered.length > 0 ? say("tasks.takes", { arrival: offered[plan?.next ?? 0]?.words }) : say("tasks.runsNext")}>
          {say("tasks.next")}
        </button>
        <button onClick={() => void stepper.undo()} disabled={!snapshot.canUndo} data-testid="step-undo">
          {say("step.undo")}
        </button>
        <button onClick={() => void stepper.restart()} data-testid="step-restart">
          {say("step.restart")}
        </button>
        <button onClick={() => void stepper.runToEnd()} disabled={!live} data-testid="step-run-to-end">
          {say("step.runToEnd")}
        </button>
        <button onClick={() => stepper.close()} data-testid="step-close">
          {say("step.leave")}
        </button>
        <span data-testid="step-count"> {taskSteps(snapshot.taskSteps)}</span>
      </p>
      <TaskSwimlanes id="step" lanes={snapshot.lanes} steps={snapshot.steps} end={snapshot.outcome && snapshot.outcome.kind !== "done" ? snapshot.outcome.message : undefined} />
      {snapshot.problem && (
        <p className="explore-problem" data-testid="step-problem">
          {snapshot.problem}
        </p>
      )}
      {snapshot.outcome && <Outcome outcome={snapshot.outcome} byHand={snapshot.byHand} />}
    </>
  );
}

/** `byHand`: the student chose the arrivals; a followed schedule shows a step goal's check, but only their own choices meet it (step-goals.ts). */
function Outcome({ outcome, byHand }: { outcome: TaskOutcome; byHand: boolean }) {
  const say = useMessages();
  switch (outcome.kind) {
    case "deadlock":
      return (
        <p className="explore-problem" data-testid="step-problem">
          {outcome.message}
        </p>
      );
    case "error":
      return (
        <p className="explore-problem" data-testid="step-result">
          {outcome.message}
          {outcome.line === null ? "" : say("step.line", { line: outcome.line })}
        </p>
      );
    case "done":
      return (
        <div data-testid="step-result">
          <p>
            {say("tasks.finished")} <code>{JSON.stringify(outcome.result)}</code>
          </p>
          {outcome.notes.map((note, i) => (
            <p key={i} className="explore-problem">
              {note}
            </p>
          ))}
          <ul className="step-goals">
            {outcome.goals.map(({ goal, passed, error }) => (
              <li key={goal.id} className={passed ? undefined : "explore-problem"} data-testid={`step-goal-${goal.id}`} data-passed={passed}>
                {passed
                  ? say("tasks.met", { goal: goal.text, followed: goal.step && !byHand ? say("tasks.followed") : "" })
                  : say("tasks.broken", { goal: goal.text, threw: error ? say("tasks.threw", { error }) : "" })}
              </li>
            ))}
          </ul>
        </div>
      );
  }
}

/** Once the run has ended: what each task's last step came to ("ends", "ends with ValueError: x"). */
function lastWords(say: Say, snapshot: Open, lane: number): string {
  return snapshot.steps.findLast((step) => step.lane === lane)?.words ?? say("tasks.neverRan");
}
