/**
 * Which switches of a schedule CPython's GIL rules out. Step mode and
 * explore move workers as real cores can; under the GIL, CPython hands the
 * interpreter over only at its eval-breaker points (runtime/eval-breaker.ts),
 * so a schedule that moves another worker while one is between two of its
 * steps with no such point between them is one Python with the GIL never
 * runs. The page says so rather than hide those schedules: they are the ones
 * free-threaded Python runs.
 */
import { workerName } from "../../runtime/protocol";
import { engineMessage } from "../messages/message";
import { TurnState } from "../../runtime/turnstile";
import type { Pending } from "./controller";
import type { Step } from "./drive";

/** The 1-based numbers of the steps that take the GIL where CPython would not. */
export function gilRuledOutSteps(steps: readonly Step[]): number[] {
  return steps.flatMap((step, i) => (step.gilRulesOut ? [i + 1] : []));
}

/** For a schedule of a run under the GIL, why CPython could not run it; null when it could. */
export function gilNote(steps: readonly Step[]): string | null {
  const ruledOut = gilRuledOutSteps(steps);
  if (ruledOut.length === 0) return null;
  const first = steps[ruledOut[0]! - 1]!;
  const held = first.gilRulesOut!;
  const where = held.line > 0 ? engineMessage("gil.where", { line: held.line }) : "";
  const more = ruledOut.length > 1 ? engineMessage("gil.more", { steps: engineMessage("count.moreSteps", { count: ruledOut.length - 1 }) }) : "";
  return engineMessage("gil.note", { step: ruledOut[0], more, worker: workerName(first.worker), held: workerName(held.worker), where });
}

/**
 * In step mode under the GIL: the worker that CPython would let go on alone
 * now (the last to move, between two steps with no switch point), or null.
 */
export function gilKeeps(last: Step | null, pending: readonly Pending[]): Pending | null {
  const current = last ? pending[last.worker] : undefined;
  return current && current.state === TurnState.AtPoint && !current.switchable ? current : null;
}
