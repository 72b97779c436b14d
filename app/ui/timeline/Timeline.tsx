/**
 * The timeline: one lane per worker on a canvas, colored by what the worker
 * was doing, and in asyncio mode one per task and the loop's lag chart, fed
 * by a timeline model (engine/timeline) that the page updates in place;
 * `version` changes when it did. Drawing and input live in
 * TimelineController; this component is the markup around it.
 */
import { useEffect, useRef, useState } from "react";
import type { TimelineModel } from "../../engine/timeline/model";
import { TimelineController, ZOOM_STEP } from "./controller";
import type { HoverTip } from "./hover";
import { Legend } from "./Legend";
import { formatDuration } from "../durations";
import { useMessages } from "../messages/messages";
import { usePageLanguage } from "../language";
import { MAX_TASK_LANES } from "../../engine/timeline/loop-tracks";
import type { LoopInfo } from "../../engine/timeline/model";

export interface TimelineProps {
  readonly model: TimelineModel;
  /** The model's version when this render was asked for: a change redraws. */
  readonly version: number;
  /** While the run goes on: the view follows its end and zoom and scroll wait. */
  readonly live: boolean;
}

export function Timeline({ model, version, live }: TimelineProps) {
  const plot = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLCanvasElement>(null);
  const overview = useRef<HTMLCanvasElement>(null);
  const scrollbar = useRef<HTMLDivElement>(null);
  const thumb = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<TimelineController | null>(null);
  const [tip, setTip] = useState<HoverTip | null>(null);
  const say = useMessages();
  // The canvas writes words too (the axis's units, the lag chart's, deadlock notes): a new language redraws it.
  const lang = usePageLanguage();

  useEffect(() => {
    const created = new TimelineController(
      { plot: plot.current!, main: main.current!, overview: overview.current!, scrollbar: scrollbar.current!, thumb: thumb.current! },
      setTip,
    );
    setController(created);
    return () => created.dispose();
  }, []);

  useEffect(() => controller?.show(model, live), [controller, model, version, live, lang]);

  const segments = model.lanes.reduce((sum, lane) => sum + lane.count, 0);
  const notes = model.lanes.filter((lane) => lane.note !== null).length;
  const { loop } = model;
  const workers = model.lanes.filter((lane) => lane.task < 0).length;
  const tasks = loop === null ? "" : say("timeline.summaryTasks", { tasks: say("timeline.count.tasks", { count: loop.tasks }), peak: formatDuration(loop.lag.peak) });
  const deadlocked = notes > 0 ? say("timeline.summaryDeadlocked", { lanes: notes }) : "";
  const summary = say("timeline.summary", { workers: say("timeline.count.workers", { count: workers }), tasks, end: formatDuration(model.end), deadlocked });
  return (
    <figure
      className="timeline"
      data-testid="timeline"
      data-lanes={model.lanes.length}
      data-segments={segments}
      data-deadlocked={notes}
      data-live={live}
      data-tasks={loop?.tasks}
      data-lag-peak={loop && loop.lag.peak.toFixed(1)}
    >
      <div className="timeline-bar">
        <Legend model={model} />
        <div className="timeline-zoom" role="group" aria-label={say("timeline.zoom")}>
          <button type="button" data-testid="timeline-zoom-out" aria-label={say("timeline.zoomOut")} disabled={live} onClick={() => controller?.zoomBy(1 / ZOOM_STEP)}>
            −
          </button>
          <button type="button" data-testid="timeline-zoom-in" aria-label={say("timeline.zoomIn")} disabled={live} onClick={() => controller?.zoomBy(ZOOM_STEP)}>
            +
          </button>
          <button type="button" data-testid="timeline-reset" disabled={live} onClick={() => controller?.reset()}>
            {say("timeline.reset")}
          </button>
        </div>
      </div>
      <div className="timeline-plot" ref={plot}>
        <canvas ref={main} role="img" aria-label={say("timeline.canvas", { summary })} data-testid="timeline-canvas" />
        {tip && (
          <div className={`timeline-tip${tip.x > (plot.current?.clientWidth ?? 0) / 2 ? " left" : ""}`} role="tooltip" data-testid="timeline-tip" style={{ left: tip.x, top: tip.y }}>
            {tip.lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
        )}
      </div>
      <div
        className="timeline-overview"
        ref={scrollbar}
        role="scrollbar"
        aria-orientation="horizontal"
        aria-label={say("timeline.overview")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={0}
        aria-disabled={live}
        tabIndex={0}
        data-testid="timeline-overview"
      >
        <canvas ref={overview} aria-hidden="true" />
        <div className="timeline-thumb" ref={thumb} />
      </div>
      {model.dropped > 0 && (
        <p className="timeline-dropped" data-testid="timeline-dropped">
          {say("timeline.dropped", { events: model.dropped })}
        </p>
      )}
      {loop !== null && <LoopNotes loop={loop} />}
    </figure>
  );
}

/** As the note on lost events, without its alarm (styles.css is the page's, not the timeline's). */
const NOTE_STYLE = { margin: 0, fontSize: "0.8rem", color: "var(--muted)" } as const;

/** What a student must know to read a loop's lanes: how many tasks have none, and on which clock they are. */
function LoopNotes({ loop }: { loop: LoopInfo }) {
  const say = useMessages();
  return (
    <>
      {loop.tasks > MAX_TASK_LANES && (
        <p className="timeline-note" style={NOTE_STYLE} data-testid="timeline-hidden-tasks">
          {say("timeline.hiddenTasks", { shown: MAX_TASK_LANES, tasks: loop.tasks })}
        </p>
      )}
      {loop.clock === "virtual" && (
        <p className="timeline-note" style={NOTE_STYLE} data-testid="timeline-virtual-clock">
          {say("timeline.virtualClock")}
        </p>
      )}
    </>
  );
}
