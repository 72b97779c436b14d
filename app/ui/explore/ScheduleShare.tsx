/** A found schedule as its string, and the link that shares it with its code: under the swimlanes, for workers and tasks alike. */
export function ScheduleShare({ schedule, link }: { readonly schedule: string | null; readonly link: string | null }) {
  return (
    <>
      {schedule && (
        <p>
          Schedule: <code data-testid="explore-schedule">{schedule}</code>
        </p>
      )}
      {link && (
        <p>
          Share this schedule with its code:{" "}
          <input className="share-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="explore-share-link" />
        </p>
      )}
    </>
  );
}
