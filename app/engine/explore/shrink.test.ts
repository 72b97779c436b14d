import { describe, expect, it } from "vitest";
import type { Option } from "./controller";
import type { Chooser } from "./drive";
import type { Decision, Execution } from "./search";
import { shrink } from "./shrink";

/**
 * A made-up program of two workers and `length` decisions, each between A
 * going on and B preempting it. How it fails depends only on when B moved:
 * counted in A's own steps, so that dropping one of B's moves does not
 * shift the others. X and Y are two failures of the same kind.
 */
function program(length: number, fails: (bMovedAt: ReadonlySet<number>) => string | null) {
  const ordered: Option[] = [
    { worker: 0, timeout: false },
    { worker: 1, timeout: false },
  ];
  return (choose: Chooser): Execution<string> => {
    const decisions: Decision[] = [];
    const bMovedAt = new Set<number>();
    let aSteps = 0;
    for (let step = 0; step < length; step++) {
      const position = choose(ordered, step, 2);
      decisions.push({ count: 2, position, preemptive: [false, true], preemptionsBefore: bMovedAt.size, keys: [0, 2] });
      if (position === 1) bMovedAt.add(aSteps);
      else aSteps++;
    }
    return { decisions, failure: fails(bMovedAt), diverged: false };
  };
}

const follow =
  (positions: readonly number[]): Chooser =>
  (_, step) =>
    positions[step] ?? 0;

/** The positions that move B when A has taken each of `aSteps` steps, A otherwise. */
function bMovingAt(aSteps: readonly number[], length: number): number[] {
  const positions: number[] = [];
  let a = 0;
  while (positions.length < length) {
    const b = aSteps.includes(a) && positions.filter((p) => p === 1).length < aSteps.filter((s) => s <= a).length;
    positions.push(b ? 1 : 0);
    if (!b) a++;
  }
  return positions;
}

describe("shrinking a failing schedule", () => {
  it("keeps the same failure: it never trades X for a simpler Y of the same kind", () => {
    const execute = program(14, (b) => (b.has(3) ? (b.has(5) ? "X" : "Y") : null));
    const found = execute(follow(bMovingAt([1, 3, 5, 8], 14)));
    expect(found.failure).toBe("X");
    const shrunk = shrink(execute, found.decisions, (f) => f === "X", () => false);
    expect(shrunk.preemptions).toBe(2);
    expect(execute(follow(shrunk.choices)).failure).toBe("X");
  });

  it("drops every preemption the failure does not need, down to one", () => {
    const execute = program(20, (b) => (b.has(7) ? "X" : null));
    const found = execute(follow(bMovingAt([0, 2, 4, 7, 9, 11, 12], 20)));
    expect(found.failure).toBe("X");
    const shrunk = shrink(execute, found.decisions, (f) => f === "X", () => false);
    expect(shrunk.preemptions).toBe(1);
    expect(execute(follow(shrunk.choices)).failure).toBe("X");
  });
});
