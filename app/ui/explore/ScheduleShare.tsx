import { linkOversize } from "./SharedSchedule";
/** A found schedule as its string, and the link that shares it with its code: under the swimlanes, for workers and tasks alike. */
export function ScheduleShare({ schedule, link }: { readonly schedule: string | null; readonly link: string | null }) {
  const oversize = link === null ? null : linkOversize(link);
  return (
    <>
      {schedule && (
        <p>
          Schedule: <code data-testid="explore-schedule">{schedule}</code>
        </p>
      )}
      {link && oversize === null && (
        <p>
          <label>
            Share this schedule with its code:{" "}
            <input className="share-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="explore-share-link" />
          </label>
        </p>
      )}
      {oversize !== null && (
        <p className="explore-problem" data-testid="explore-share-too-large">
          A link to this schedule with its code would be too large to open ({oversize}). Send the code as a file instead (Export progress, on the course's home page) with the schedule string above.
        </p>
      )}
    </>
  );
}
