/**
 * An asyncio run as swimlanes: a column per lane (the event loop, then each
 * task, main first), a row per task step with its line and virtual time,
 * and in the loop's column the arrivals it took where it had a choice, an
 * out-of-order one marked as a preemption. Task steps are numbered; the
 * loop's rows are choices, not steps.
 */
import type { ReactNode } from "react";
import type { TaskStep } from "../../runtime/asyncio/task-schedule";
import { useMessages } from "../messages/messages";
import { withUnit } from "../durations";

interface Props {
  /** The test ids' prefix: `explore` or `step`. */
  readonly id: string;
  readonly lanes: readonly string[];
  readonly steps: readonly TaskStep[];
  /** What goes in a task step's number cell (a take-over button); the plain number without it. */
  readonly number?: (step: number) => ReactNode;
  /** The last row, under the steps: how the run ended. */
  readonly end?: ReactNode;
}

export function TaskSwimlanes({ id, lanes, steps, number, end }: Props) {
  const say = useMessages();
  let taskSteps = 0;
  return (
    <table className="swimlanes task-lanes" data-testid={`${id}-swimlanes`} data-lanes={lanes.length} data-steps={steps.length}>
      <thead>
        <tr>
          <th>#</th>
          {lanes.map((lane, l) => (
            <th key={l} className={l === 0 ? "loop-lane" : undefined}>
              {/* The runtime names the loop's lane in English (task-schedule.ts); the tasks' names are code. */}
              {l === 0 ? say("tasks.loopLane") : lane}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {steps.map((step, i) => {
          const counted = step.lane > 0 ? ++taskSteps : null;
          return (
            <tr key={i} className={step.preemption ? "preemption" : undefined} data-lane={step.lane} data-testid={`${id}-row-${i + 1}`}>
              <td>{counted === null ? "" : (number?.(counted) ?? counted)}</td>
              {lanes.map((_, l) => (
                <td key={l} className={l === 0 ? "loop-lane" : undefined}>
                  {l === step.lane && <StepCell step={step} />}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
      {end && (
        <tfoot>
          <tr className="failure-row">
            <td>✗</td>
            <td colSpan={lanes.length} data-testid={`${id}-swimlanes-end`}>
              {end}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

function StepCell({ step }: { step: TaskStep }) {
  const say = useMessages();
  // In seconds, the unit of the student's sleeps and I/O, as the loop's own words give them.
  const at = withUnit(Number(step.at.toFixed(6)), "s");
  return (
    <>
      {step.preemption && (
        <span className="preempts" title={say("explore.arrivalPreemption")}>
          ⤵{" "}
        </span>
      )}
      {step.words}
      <small className="step-where">
        {step.line > 0 ? say("tasks.lineAt", { line: step.line, at }) : say("tasks.at", { at })}
      </small>
    </>
  );
}
