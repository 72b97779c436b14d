import { memo, useEffect, useState } from "react";
import type { Session } from "../engine/session";
import type { SharedValue } from "../engine/shared-values";

/** Beyond this many objects the panel would cost more to draw than it tells. */
const MAX_SHOWN = 40;

/**
 * The shared objects of the current or last run, read from shared memory
 * every animation frame while a run goes on: the counter climbs as it runs.
 */
export const SharedValues = memo(function SharedValues({ session, running, runIndex }: { session: Session; running: boolean; runIndex: number }) {
  const [values, setValues] = useState<SharedValue[]>(() => session.sharedValues(MAX_SHOWN));
  useEffect(() => {
    setValues(session.sharedValues(MAX_SHOWN));
    if (!running) return;
    let frame = requestAnimationFrame(function tick() {
      setValues(session.sharedValues(MAX_SHOWN));
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [session, running, runIndex]);
  if (values.length === 0) return null;
  const more = session.sharedObjectCount() - values.length;
  return (
    <section className="shared-values" data-testid="shared-values" aria-live="off">
      <h2>Shared memory{running ? " (live)" : ""}</h2>
      <dl>
        {values.map((v) => (
          <div key={v.name} className={`shared-${v.kind}`}>
            <dt>
              {v.name} <small>{v.kind}</small>
            </dt>
            <dd data-testid={`shared-${v.name}`}>{typeof v.value === "number" ? v.value.toLocaleString("en") : v.value}</dd>
          </div>
        ))}
      </dl>
      {more > 0 && <p className="more">and {more.toLocaleString("en")} more objects</p>}
    </section>
  );
});
