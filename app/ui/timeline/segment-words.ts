/** What a segment of a lane says, in words: in the tooltip, and inside the segment when it is wide enough. */
import { LANE_STATE_NAMES, LaneState } from "../../engine/timeline/lane-state";
import type { Lane, TimelineModel } from "../../engine/timeline/model";
import { objectName } from "../../engine/timeline/object-names";
import { awaitWords } from "../../runtime/asyncio/await-words";
import { uiMessage } from "../messages/messages";
import { stateLabel } from "./palette";

/** What segment `i` waits on: a worker's object by name, or what a task awaits in words (the trace's English, translated here); null when nothing or unknown. */
export function segmentObject(model: TimelineModel, lane: Lane, i: number): string | null {
  const object = lane.objects[i]!;
  if (lane.task >= 0) {
    const words = model.words.get(object);
    return words === undefined ? null : awaitWords(words);
  }
  return lane.states[i] === LaneState.Waiting ? objectName(model.names, object) : null;
}

/** "waiting on door", "awaiting lock L", "in I/O", "ready, waiting for its turn"... */
export function segmentWords(model: TimelineModel, lane: Lane, i: number): string {
  const object = segmentObject(model, lane, i);
  if (object !== null) return uiMessage(lane.task >= 0 ? "timeline.awaiting" : "timeline.waitingOn", { object });
  return stateLabel(LANE_STATE_NAMES[lane.states[i]!]!);
}
