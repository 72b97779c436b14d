/**
 * A schedule that came with a share link: nothing runs until the student
 * asks to step through it. It replays only on the code and parameters it was
 * made with; otherwise the banner says why.
 */
import { lessonHref } from "../hooks";
import { useMemo } from "react";
import type { Option } from "../../engine/explore/controller";
import { codeHash, decodeSchedule } from "../../engine/explore/schedule";
import { encodeShare, type Share } from "../../engine/explore/share";
import type { ParamValue } from "../../runtime/params";

interface Props {
  readonly schedule: string;
  readonly source: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly disabled: boolean;
  onStep(moves: readonly Option[]): void;
}

export function SharedSchedule({ schedule, source, params, disabled, onStep }: Props) {
  // The page re-renders on every keystroke: hash the code only when it changes.
  const decoded = useMemo(() => decodeSchedule(schedule), [schedule]);
  const matches = useMemo(() => !("problem" in decoded) && decoded.hash === codeHash(source, params), [decoded, source, params]);
  const problem =
    "problem" in decoded
      ? decoded.problem
      : matches
        ? null
        : "The code or parameters changed since this link was made, so its schedule cannot replay them. Reload the link to start again.";
  return (
    <div className="shared-schedule" data-testid="shared-schedule">
      <p>This link carries a schedule: the order in which the workers took their steps.</p>
      {problem ? (
        <p className="explore-problem" data-testid="shared-schedule-problem">
          {problem}
        </p>
      ) : (
        "steps" in decoded && (
          <button onClick={() => onStep(decoded.steps)} disabled={disabled} data-testid="shared-schedule-step">
            Step through it ({decoded.steps.length} steps)
          </button>
        )
      )}
    </div>
  );
}

/** The address of `slug` on this site, carrying `share`. */
export function shareLink(slug: string, share: Share): string {
  const site = `${location.origin}${location.pathname}`;
  return `${site}${lessonHref(slug)}?share=${encodeShare(share)}`;
}
