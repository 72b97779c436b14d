import { linkOversize } from "./SharedSchedule";
import { useMessages } from "../messages/messages";
/** A found schedule as its string, and the link that shares it with its code: under the swimlanes, for workers and tasks alike. */
export function ScheduleShare({ schedule, link }: { readonly schedule: string | null; readonly link: string | null }) {
  const say = useMessages();
  const oversize = link === null ? null : linkOversize(link);
  return (
    <>
      {schedule && (
        <p>
          {say("explore.schedule")} <code data-testid="explore-schedule">{schedule}</code>
        </p>
      )}
      {link && oversize === null && (
        <p>
          <label>
            {say("explore.shareLabel")}{" "}
            <input className="share-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="explore-share-link" />
          </label>
        </p>
      )}
      {oversize !== null && (
        <p className="explore-problem" data-testid="explore-share-too-large">
          {say("explore.shareTooLarge", { size: oversize })}
        </p>
      )}
    </>
  );
}
