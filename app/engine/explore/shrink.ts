/**
 * Shrinking a failing schedule, so that the one a student reads has as few
 * preemptions and steps as the failure needs: delta debugging (Zeller and
 * Hildebrandt, "Simplifying and Isolating Failure-Inducing Input", TSE
 * 2002) over the schedule's deviations from the default.
 *
 * A deviation is "when worker W would go on, at its k-th step, move V
 * instead". Named so, rather than by decision number, a deviation keeps its
 * meaning when an earlier one is dropped and the steps before it shift. A
 * candidate keeps a subset of the deviations and takes the default
 * everywhere else; it is kept only when it fails the same way (the same
 * failure, not merely one of the same kind) with no more preemptions and
 * steps than the best so far.
 */
import type { Option } from "./controller";
import { optionKey, type Chooser } from "./drive";
import { preemptions, type Decision, type Execution } from "./search";

interface Deviation {
  /** The default's worker and how many steps it had taken: where the deviation happens. */
  readonly at: string;
  /** The move taken instead (drive.ts, optionKey). */
  readonly key: number;
}

export interface Shrunk {
  readonly choices: readonly number[];
  readonly preemptions: number;
}

export function shrink<F>(
  execute: (choose: Chooser) => Execution<F>,
  decisions: readonly Decision[],
  same: (failure: F | null) => boolean,
  stop: () => boolean,
): Shrunk {
  let best = { decisions, preemptions: preemptions(decisions) };
  let deviations = deviationsOf(decisions);
  const keeps = (candidate: readonly Deviation[]): boolean => {
    const run = execute(deviating(candidate));
    const fewer = preemptions(run.decisions);
    if (!same(run.failure) || fewer > best.preemptions || (fewer === best.preemptions && run.decisions.length > best.decisions.length)) return false;
    best = { decisions: run.decisions, preemptions: fewer };
    deviations = deviationsOf(run.decisions);
    return true;
  };
  let chunks = 2;
  while (deviations.length > 0 && !stop()) {
    const size = Math.ceil(deviations.length / chunks);
    let dropped = false;
    for (let from = 0; from < deviations.length && !stop(); from += size) {
      if (keeps([...deviations.slice(0, from), ...deviations.slice(from + size)])) {
        chunks = Math.max(chunks - 1, 2);
        dropped = true;
        break;
      }
    }
    if (dropped) continue;
    if (size === 1) break;
    chunks = Math.min(deviations.length, chunks * 2);
  }
  return { choices: best.decisions.map((d) => d.position), preemptions: best.preemptions };
}

/** The decisions that did not take the default, named by where they happened. */
function deviationsOf(decisions: readonly Decision[]): Deviation[] {
  const stepsTaken = new Map<number, number>();
  const deviations: Deviation[] = [];
  for (const d of decisions) {
    const byDefault = d.keys[0]! >> 1;
    if (d.position !== 0) deviations.push({ at: `${byDefault}:${stepsTaken.get(byDefault) ?? 0}`, key: d.keys[d.position]! });
    const moved = d.keys[d.position]! >> 1;
    stepsTaken.set(moved, (stepsTaken.get(moved) ?? 0) + 1);
  }
  return deviations;
}

/**
 * Takes the default except where a deviation says otherwise (and its move is
 * still there to take). Each deviation is taken once: those at one place
 * (another worker moved twice while W waited) are taken in their order.
 */
function deviating(deviations: readonly Deviation[]): Chooser {
  const instead = new Map<string, number[]>();
  for (const { at, key } of deviations) instead.set(at, [...(instead.get(at) ?? []), key]);
  const stepsTaken = new Map<number, number>();
  return (ordered: readonly Option[], _step: number, fair: number) => {
    const byDefault = ordered[0]!.worker;
    const key = instead.get(`${byDefault}:${stepsTaken.get(byDefault) ?? 0}`)?.shift();
    const wanted = key === undefined ? -1 : ordered.slice(0, fair).findIndex((o) => optionKey(o) === key);
    const position = Math.max(0, wanted);
    const moved = ordered[position]!.worker;
    stepsTaken.set(moved, (stepsTaken.get(moved) ?? 0) + 1);
    return position;
  };
}
