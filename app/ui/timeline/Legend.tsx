import { LANE_STATE_NAMES, type LaneStateName } from "../../engine/timeline/lane-state";
import type { TimelineModel } from "../../engine/timeline/model";
import { LAG, STATE_COLORS, stateLabel } from "./palette";
import { useMessages } from "../messages/messages";

/** The states a run of this mode can show: with a GIL nobody just "runs"; without one, nobody holds or wants it. */
const SHOWN: Readonly<Record<"gil" | "free", readonly LaneStateName[]>> = {
  gil: ["gil", "runnable", "waiting", "io", "done"],
  free: ["running", "waiting", "io", "done"],
};

/** The order an asyncio run's states are listed in: a task's life, then how it ends, then the workers'. */
const ASYNCIO_ORDER: readonly LaneStateName[] = ["running", "ready", "io", "sleeping", "waiting", "awaiting-tasks", "job", "cancelled", "failed", "done", "idle", "gil", "runnable"];

/** An asyncio run's tasks can be in many states: the legend lists those its lanes have been in. */
function statesSeen(model: TimelineModel): LaneStateName[] {
  const seen = new Set<LaneStateName>();
  for (const lane of model.lanes) {
    lane.closedMs.forEach((ms, state) => ms > 0 && seen.add(LANE_STATE_NAMES[state]!));
    if (lane.count > 0) seen.add(LANE_STATE_NAMES[lane.states[lane.count - 1]!]!);
  }
  return ASYNCIO_ORDER.filter((state) => seen.has(state));
}

export function Legend({ model }: { model: TimelineModel }) {
  const say = useMessages();
  const states = model.loop === null ? SHOWN[model.gilMode ? "gil" : "free"] : statesSeen(model);
  return (
    <ul className="timeline-legend" aria-label={say("timeline.legend")}>
      {states.map((state) => (
        <li key={state}>
          <span className="timeline-swatch" style={{ background: STATE_COLORS[state] }} aria-hidden="true" />
          {stateLabel(state)}
        </li>
      ))}
      <li>
        <span className="timeline-swatch timeline-mark" aria-hidden="true" />
        {say("timeline.mark")}
      </li>
      {model.loop !== null && (
        <li>
          <span className="timeline-swatch" style={{ background: LAG }} aria-hidden="true" />
          {say("timeline.loopLag")}
        </li>
      )}
    </ul>
  );
}
