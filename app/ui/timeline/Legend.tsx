import type { LaneStateName } from "../../engine/timeline/lane-state";
import { STATE_STYLES } from "./palette";

/** The states a run of this mode can show: with a GIL nobody just "runs"; without one, nobody holds or wants it. */
const SHOWN: Readonly<Record<"gil" | "free", readonly LaneStateName[]>> = {
  gil: ["gil", "runnable", "waiting", "io", "done"],
  free: ["running", "waiting", "io", "done"],
};

export function Legend({ gilMode }: { gilMode: boolean }) {
  return (
    <ul className="timeline-legend" aria-label="Timeline colors">
      {SHOWN[gilMode ? "gil" : "free"].map((state) => (
        <li key={state}>
          <span className="timeline-swatch" style={{ background: STATE_STYLES[state].color }} aria-hidden="true" />
          {STATE_STYLES[state].label}
        </li>
      ))}
      <li>
        <span className="timeline-swatch timeline-mark" aria-hidden="true" />
        mark
      </li>
    </ul>
  );
}
