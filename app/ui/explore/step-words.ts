/** A schedule's step in words, for the swimlanes: "reads counter = 4", "writes buf[2], now 5", "wakes on lock a". */
import type { Step } from "../../engine/explore/drive";
import { objectLabel } from "../../engine/timeline/object-names";
import type { Allocation } from "../../runtime/memory";
import { PointKind } from "../../runtime/gate";
import { TurnState } from "../../runtime/turnstile";

const VERBS: Readonly<Record<number, string>> = {
  0: "starts",
  [PointKind.Read]: "reads",
  [PointKind.Write]: "writes",
  [PointKind.Add]: "adds to",
  [PointKind.Acquire]: "acquires",
  [PointKind.Release]: "releases",
  [PointKind.Wait]: "waits on",
  [PointKind.Notify]: "notifies",
  [PointKind.Set]: "sets",
  [PointKind.Clear]: "clears",
  [PointKind.Put]: "puts on",
  [PointKind.Get]: "gets from",
  [PointKind.TaskDone]: "marks a task done on",
  [PointKind.Join]: "joins",
  [PointKind.Abort]: "aborts",
  [PointKind.Reset]: "resets",
  [PointKind.Io]: "does I/O",
  [PointKind.Query]: "checks",
  [PointKind.Record]: "records a value in",
  [PointKind.CompareAndSet]: "compares-and-sets",
  [PointKind.Exchange]: "exchanges",
};

/** What a step that blocks tried to do: "tries to acquire lock a, and must wait". */
const BLOCKED: Readonly<Record<number, string>> = {
  [PointKind.Acquire]: "tries to acquire",
  [PointKind.Put]: "tries to put on",
  [PointKind.Get]: "tries to get from",
  [PointKind.Join]: "tries to join",
};

export function stepWords(step: Step, objects: readonly Allocation[]): string {
  const name = objectLabel(objects, step.object);
  if (step.state === TurnState.Blocked) return step.timeout ? `times out waiting on ${name}` : `wakes on ${name}`;
  const verb = VERBS[step.kind] ?? "steps";
  if (step.kind === 0 || step.kind === PointKind.Io) return verb;
  if (step.blocks) {
    const tried = BLOCKED[step.kind];
    // A wait on a condition, event or barrier always blocks: "waits on condition c" says it.
    return tried ? `${tried} ${name}, and must wait` : `${verb} ${name}`;
  }
  if (step.value === null) return `${verb} ${name}`;
  if (step.kind === PointKind.Read) return `reads ${name} = ${step.value}`;
  // A compare-and-set that failed, or an exchange for the same value, leaves it as it was.
  if (step.before !== null) return step.before === step.value ? `${verb} ${name}: still ${step.value}` : `${verb} ${name}: ${step.before} -> ${step.value}`;
  return `${verb} ${name}, now ${step.value}`;
}
