/** A schedule's step in words, for the swimlanes: "reads counter = 4", "writes buf[2], now 5", "wakes on lock a". */
import type { Step } from "../../engine/explore/drive";
import { objectWords } from "../../engine/timeline/object-names";
import type { Allocation } from "../../runtime/memory";
import { PointKind } from "../../runtime/gate";
import { TurnState } from "../../runtime/turnstile";
import { uiMessage, type UiKey } from "../messages/messages";

/** Each kind of step's verb with its object ("reads {{object}}"); "starts" and "does I/O" have none. */
const VERBS: Readonly<Record<number, UiKey>> = {
  0: "stepWords.verb.start",
  [PointKind.Read]: "stepWords.verb.read",
  [PointKind.Write]: "stepWords.verb.write",
  [PointKind.Add]: "stepWords.verb.add",
  [PointKind.Acquire]: "stepWords.verb.acquire",
  [PointKind.Release]: "stepWords.verb.release",
  [PointKind.Wait]: "stepWords.verb.wait",
  [PointKind.Notify]: "stepWords.verb.notify",
  [PointKind.Set]: "stepWords.verb.set",
  [PointKind.Clear]: "stepWords.verb.clear",
  [PointKind.Put]: "stepWords.verb.put",
  [PointKind.Get]: "stepWords.verb.get",
  [PointKind.TaskDone]: "stepWords.verb.taskDone",
  [PointKind.Join]: "stepWords.verb.join",
  [PointKind.Abort]: "stepWords.verb.abort",
  [PointKind.Reset]: "stepWords.verb.reset",
  [PointKind.Io]: "stepWords.verb.io",
  [PointKind.Query]: "stepWords.verb.query",
  [PointKind.Record]: "stepWords.verb.record",
  [PointKind.CompareAndSet]: "stepWords.verb.compareAndSet",
  [PointKind.Exchange]: "stepWords.verb.exchange",
};

/** What a step that blocks tried to do: "tries to acquire lock a, and must wait". */
const BLOCKED: Readonly<Record<number, UiKey>> = {
  [PointKind.Acquire]: "stepWords.blocked.acquire",
  [PointKind.Put]: "stepWords.blocked.put",
  [PointKind.Get]: "stepWords.blocked.get",
  [PointKind.Join]: "stepWords.blocked.join",
};

export function stepWords(step: Step, objects: readonly Allocation[]): string {
  const object = objectWords(objects, step.object);
  if (step.state === TurnState.Blocked) return uiMessage(step.timeout ? "stepWords.timesOut" : "stepWords.wakes", { ...object });
  const action = uiMessage(VERBS[step.kind] ?? "stepWords.verb.other", { ...object });
  if (step.kind === 0 || step.kind === PointKind.Io) return action;
  if (step.blocks) {
    const tried = BLOCKED[step.kind];
    // A wait on a condition, event or barrier always blocks: "waits on condition c" says it.
    return tried ? uiMessage(tried, { ...object }) : action;
  }
  if (step.value === null) return action;
  if (step.kind === PointKind.Read) return uiMessage("stepWords.readValue", { ...object, value: step.value });
  // A compare-and-set that failed, or an exchange for the same value, leaves it as it was.
  if (step.before !== null) return step.before === step.value ? uiMessage("stepWords.still", { action, value: step.value }) : uiMessage("stepWords.changed", { action, before: step.before, value: step.value });
  return uiMessage("stepWords.now", { action, value: step.value });
}
