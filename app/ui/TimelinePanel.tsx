import { memo, useEffect, useState } from "react";
import type { Session } from "../engine/session";
import type { TimelineModel } from "../engine/timeline/model";
import { Timeline } from "./timeline/Timeline";

/**
 * The per-worker timeline of the current or last run. While a run goes on it
 * drains the trace every animation frame (the rings are finite); the canvas
 * redraws only when the model's version moved.
 */
export const TimelinePanel = memo(function TimelinePanel({ session, running, runIndex }: { session: Session; running: boolean; runIndex: number }) {
  const [frame, setFrame] = useState<{ model: TimelineModel | null; version: number }>({ model: null, version: -1 });
  useEffect(() => {
    const show = () => {
      const model = session.timeline();
      setFrame((last) => (last.model === model && last.version === model?.version ? last : { model, version: model?.version ?? -1 }));
    };
    show();
    if (!running) return;
    let request = requestAnimationFrame(function tick() {
      show();
      request = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(request);
  }, [session, running, runIndex]);
  if (!frame.model) return null;
  return (
    <section className="timeline-panel">
      <h2>Timeline{running ? " (live)" : ""}</h2>
      <Timeline model={frame.model} version={frame.version} live={running} />
    </section>
  );
});
