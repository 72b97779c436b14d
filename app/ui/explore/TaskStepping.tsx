/**
 * Task step mode on the lesson page (engine/explore/task-stepper.ts): each
 * task's lane and where it stands, the steps so far as swimlanes, the next
 * task step, and where the event loop has a choice, one button per arrival
 * on offer, the out-of-order ones marked as preemptions.
 */
import type { TaskStepper, TaskStepSnapshot, TaskOutcome } from "../../engine/explore/task-stepper";
import { plural } from "../../engine/plural";
import { TaskSwimlanes } from "./TaskSwimlanes";
import { PlayPause } from "./PlayPause";

type Open = Extract<TaskStepSnapshot, { status: "stepping" | "ended" }>;

/** Between the steps of a played schedule: slow enough to follow, quick enough not to bore. */

export function TaskStepping({ stepper, snapshot, smallParams }: { stepper: TaskStepper; snapshot: Open; smallParams: boolean }) {
  const live = snapshot.status === "stepping";
  const { plan, offered } = snapshot;
  const params = Object.entries(snapshot.params).map(([name, value]) => `${name} ${String(value)}`);
  return (
    <>
      <p className="explore-what" data-testid="step-params">
        {smallParams ? "Stepping with the lesson's small parameters" : "Stepping with the parameters"}: {params.join(", ") || "none"}. One step runs one task
        from where it was resumed to its next await; the event loop chooses only which I/O arrives when.
      </p>
      <ul className="step-workers">
        {snapshot.lanes.slice(1).map((name, t) => (
          <li key={t} className={`step-w${t % 4}`} data-testid={`step-task-${t + 1}`}>
            <strong>{name}</strong> {snapshot.standing[t] ?? lastWords(snapshot, t + 1)}
          </li>
        ))}
      </ul>
      {live && offered.length > 0 && (
        <div className="step-choice" data-testid="step-choice">
          <p>The event loop has a choice: what comes next?</p>
          {offered.map((arrival, position) => (
            <button key={position} onClick={() => void stepper.choose(position)} className={arrival.preemption ? "preempting" : undefined} data-testid={`step-arrival-${position}`} data-preemption={arrival.preemption}>
              {arrival.preemption && <span className="preempts">⤵ </span>}
              {arrival.words}
              {arrival.preemption && <small> (a preemption)</small>}
              {plan?.next === position && <small> (the schedule's)</small>}
            </button>
          ))}
        </div>
      )}
      {plan && live && (
        <p className="step-plan" data-testid="step-plan">
          Following the schedule: {snapshot.taskSteps} of its {plural(plan.steps, "task step")} taken.{" "}
          <PlayPause playing={snapshot.playing} play={(delayMs) => stepper.play(delayMs)} pause={() => stepper.pause()} />
          <small> Or choose another arrival yourself to take over.</small>
        </p>
      )}
      <p className="step-controls">
        <button onClick={() => void stepper.next()} disabled={!live} data-testid="step-next" title={offered.length > 0 ? `Takes: ${offered[plan?.next ?? 0]?.words}` : "Runs the next task step"}>
          Next step
        </button>
        <button onClick={() => void stepper.undo()} disabled={!snapshot.canUndo} data-testid="step-undo">
          Undo
        </button>
        <button onClick={() => void stepper.restart()} data-testid="step-restart">
          Restart
        </button>
        <button onClick={() => void stepper.runToEnd()} disabled={!live} data-testid="step-run-to-end">
          Run to end
        </button>
        <button onClick={() => stepper.close()} data-testid="step-close">
          Leave step mode
        </button>
        <span data-testid="step-count"> {plural(snapshot.taskSteps, "task step")}</span>
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

const FOLLOWED = " (this run followed a schedule it was given: reach it with arrivals of your own choosing to meet the goal)";

/** `byHand`: the student chose the arrivals; a followed schedule shows a step goal's check, but only their own choices meet it (step-goals.ts). */
function Outcome({ outcome, byHand }: { outcome: TaskOutcome; byHand: boolean }) {
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
          {outcome.line === null ? "" : ` (line ${outcome.line})`}
        </p>
      );
    case "done":
      return (
        <div data-testid="step-result">
          <p>
            Every task has finished. Result: <code>{JSON.stringify(outcome.result)}</code>
          </p>
          {outcome.notes.map((note, i) => (
            <p key={i} className="explore-problem">
              {note}
            </p>
          ))}
          <ul className="step-goals">
            {outcome.goals.map(({ goal, passed, error }) => (
              <li key={goal.id} className={passed ? undefined : "explore-problem"} data-testid={`step-goal-${goal.id}`} data-passed={passed}>
                {passed ? `✓ ${goal.text}${goal.step && !byHand ? FOLLOWED : ""}` : `✗ No longer holds: ${goal.text}${error ? ` (the check threw: ${error})` : ""}`}
              </li>
            ))}
          </ul>
        </div>
      );
  }
}

/** Once the run has ended: what each task's last step came to ("ends", "ends with ValueError: x"). */
function lastWords(snapshot: Open, lane: number): string {
  return snapshot.steps.findLast((step) => step.lane === lane)?.words ?? "never ran";
}
