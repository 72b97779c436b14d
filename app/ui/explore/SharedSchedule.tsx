/**
 * A schedule that came with a share link: nothing runs until the student
 * asks to step through it. It replays only on the code and parameters it was
 * made with; otherwise the banner says why. A task schedule (an asyncio
 * scenario's) opens task step mode.
 */
import { useMemo } from "react";
import type { Option } from "../../engine/explore/controller";
import { scheduleFor } from "../../engine/explore/schedule";
import { encodeShare, oversize, type Share } from "../../engine/explore/share";
import type { TaskStepStart } from "../../engine/explore/task-stepper";
import type { ParamValue } from "../../runtime/params";
import { usePageLanguage } from "../language";
import { useMessages } from "../messages/messages";

interface Props {
  readonly schedule: string;
  readonly source: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly disabled: boolean;
  /** Opens step mode with the schedule: `taken` already made, `planned` to follow. */
  onStep(taken: readonly Option[], planned: readonly Option[]): void;
  /** Opens task step mode following `choices` from `from`. */
  onStepTasks(choices: readonly number[], from: TaskStepStart): void;
}

export function SharedSchedule({ schedule, source, params, disabled, onStep, onStepTasks }: Props) {
  // The page re-renders on every keystroke: hash the code only when it changes.
  const say = useMessages();
  const lang = usePageLanguage();
  // Its problem is in words: a new language words it again.
  const found = useMemo(() => scheduleFor(schedule, source, params), [schedule, source, params, lang]);
  const tasks = "choices" in found;
  return (
    <div className="shared-schedule" data-testid="shared-schedule" data-tasks={tasks}>
      <p>
        {say(tasks ? "shared.tasks" : "shared.threads")}
      </p>
      {"problem" in found ? (
        <p className="explore-problem" data-testid="shared-schedule-problem">
          {found.problem}
        </p>
      ) : (
        <p>
          <button onClick={() => ("steps" in found ? onStep([], found.steps) : onStepTasks(found.choices, 0))} disabled={disabled} data-testid="shared-schedule-step">
            {"steps" in found
              ? say("shared.stepSteps", { steps: found.steps.length })
              : say("shared.stepArrivals", { arrivals: say("explore.count.arrivals", { count: found.choices.filter((c) => c > 0).length }) })}
          </button>{" "}
          <button onClick={() => ("steps" in found ? onStep(found.steps, []) : onStepTasks(found.choices, "end"))} disabled={disabled} data-testid="shared-schedule-jump">
            {say("shared.jump")}
          </button>
        </p>
      )}
    </div>
  );
}

const SHARE_QUERY = "?share=";

/** The address of the page at `href` (a lesson's, the playground's) carrying `share`. */
export function shareLink(href: string, share: Share): string {
  const site = `${location.origin}${location.pathname}`;
  return `${site}${href}${SHARE_QUERY}${encodeShare(share)}`;
}

/** A link made by `shareLink` too large for the page it opens to read: its size against the most; null when it opens. */
export function linkOversize(link: string): string | null {
  return oversize(link.slice(link.indexOf(SHARE_QUERY) + SHARE_QUERY.length));
}
