import { Suspense, lazy, memo, useCallback, useEffect, useState } from "react";
import type { Session } from "../engine/session";
import type { TimelineModel } from "../engine/timeline/model";
import { useLiveRefresh } from "./live-refresh";
import { useMessages } from "./messages/messages";
import { afterEditorShows } from "./editor-shown";

// The canvas timeline is drawn only once a run has started: its chunk comes after the editor has shown, not before it.
const loadTimeline = () => import("./timeline/Timeline");
const Timeline = lazy(() => loadTimeline().then((module) => ({ default: module.Timeline })));
void afterEditorShows().then(loadTimeline);

/** The trace rings are finite: drained this often, a worker may write 500,000 events a second before any are lost. */
const TRACE_DRAIN_MS = 16;

/**
 * The timeline of the current or last run (a lane per worker, and per
 * asyncio task with the loop's lag under them). While a run goes on it
 * drains the trace often, on a timer that asks for no frame of its own, and
 * shows the model on the live clock (live-refresh.ts); the canvas redraws
 * only when the model's version moved.
 */
export const TimelinePanel = memo(function TimelinePanel({ session, running, runIndex }: { session: Session; running: boolean; runIndex: number }) {
  const say = useMessages();
  const [frame, setFrame] = useState<{ model: TimelineModel | null; version: number }>({ model: null, version: -1 });
  const show = useCallback(() => {
    const model = session.timeline();
    setFrame((last) => (last.model === model && last.version === model?.version ? last : { model, version: model?.version ?? -1 }));
  }, [session]);
  // Shown as a run starts, once it has ended, and for each new run.
  useEffect(show, [show, running, runIndex]);
  useLiveRefresh(running, show);
  useEffect(() => {
    if (!running) return;
    const drain = setInterval(() => session.timeline(), TRACE_DRAIN_MS);
    return () => clearInterval(drain);
  }, [session, running]);
  if (!frame.model) return null;
  return (
    <section className="timeline-panel">
      <h2>{say(running ? "panel.timelineLive" : "panel.timeline")}</h2>
      <Suspense fallback={null}>
        <Timeline model={frame.model} version={frame.version} live={running} />
      </Suspense>
    </section>
  );
});
