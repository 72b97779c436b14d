import { memo, useCallback, useEffect, useState } from "react";
import type { Session } from "../engine/session";
import type { SharedValue } from "../engine/shared-values";
import { useLiveRefresh } from "./live-refresh";
import { useMessages } from "./messages/messages";
import { kindWord } from "../engine/timeline/object-names";

/** Beyond this many objects the panel would cost more to draw than it tells. */
const MAX_SHOWN = 40;

/**
 * The shared objects of the current or last run, read from shared memory
 * while a run goes on (useLiveRefresh): the counter climbs as it runs.
 */
export const SharedValues = memo(function SharedValues({ session, running, runIndex }: { session: Session; running: boolean; runIndex: number }) {
  const say = useMessages();
  const [values, setValues] = useState<SharedValue[]>(() => session.sharedValues(MAX_SHOWN));
  const read = useCallback(() => setValues(session.sharedValues(MAX_SHOWN)), [session]);
  // Read as a run starts, once it has ended, and for each new run's objects.
  useEffect(read, [read, running, runIndex]);
  useLiveRefresh(running, read);
  if (values.length === 0) return null;
  const more = session.sharedObjectCount() - values.length;
  return (
    <section className="shared-values" data-testid="shared-values" aria-live="off">
      <h2>{say(running ? "panel.sharedMemoryLive" : "panel.sharedMemory")}</h2>
      <dl>
        {values.map((v) => (
          <div key={v.name} className={`shared-${v.kind}`}>
            <dt>
              {v.name} <small>{kindWord(v.kind)}</small>
            </dt>
            <dd data-testid={`shared-${v.name}`}>{typeof v.value === "number" ? v.value.toLocaleString("en") : v.value}</dd>
          </div>
        ))}
      </dl>
      {more > 0 && <p className="more">{say("panel.moreObjects", { more })}</p>}
    </section>
  );
});
