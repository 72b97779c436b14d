/**
 * What Explore found in an asyncio scenario: the failing schedule as
 * swimlanes by task, its string and share link, and the way into task step
 * mode: from its start, at its failure, or taking over before any task step.
 */
import type { FoundFailure } from "../../engine/explore/explore";
import type { TaskStepStart } from "../../engine/explore/task-stepper";
import { ScheduleShare } from "./ScheduleShare";
import { TaskSwimlanes } from "./TaskSwimlanes";
import { useMessages } from "../messages/messages";

interface Props {
  readonly failure: FoundFailure & { readonly tasks: NonNullable<FoundFailure["tasks"]> };
  /** "Found after 12 schedules: ..." */
  readonly headline: string;
  readonly schedule: string | null;
  readonly link: string | null;
  /** Opens task step mode on the found choices from `from`; null while a run goes on, or once the code changed. */
  readonly replay: ((from: TaskStepStart) => void) | null;
}

export function TaskFound({ failure, headline, schedule, link, replay }: Props) {
  const say = useMessages();
  const why = replay ? undefined : say("explore.exploreAgain");
  const { lanes, steps } = failure.tasks;
  return (
    <div data-testid="explore-result" data-found="true" data-kind={failure.kind} data-tasks="true">
      <p className="explore-failure">{headline}</p>
      <p>
        <button onClick={() => replay?.(0)} disabled={!replay} title={why} data-testid="explore-replay">
          {say("explore.replay")}
        </button>{" "}
        <button onClick={() => replay?.("end")} disabled={!replay} title={why} data-testid="explore-jump">
          {say("explore.jump")}
        </button>
        <small> {say("explore.takeOverTask")}</small>
      </p>
      <TaskSwimlanes
        id="explore"
        lanes={lanes}
        steps={steps}
        number={(step) => (
          <button className="take-over" onClick={() => replay?.(step - 1)} disabled={!replay} title={why ?? say("explore.takeOverBeforeTask", { step })} data-testid={`explore-take-over-${step}`}>
            {step}
          </button>
        )}
        end={failure.message}
      />
      <ScheduleShare schedule={schedule} link={link} />
    </div>
  );
}
