/**
 * The verdict of an explore claim from what the search reports: an
 * `explore-passes` claim holds only when every schedule up to the claimed
 * preemptions was tried, not when the cap stopped the search at a lower bound.
 */
import { describe, expect, it } from "vitest";
import { exploreVerdict } from "./run-checks";

const passes = { expect: "explore-passes" as const };
const searched = { schedules: 2_000, equivalentSkipped: 0, failure: null };

describe("exploreVerdict", () => {
  it("proves a claim whose bound was covered", () => {
    expect(exploreVerdict(passes, 1, { ...searched, bound: 1, exhaustive: true, complete: false })).toEqual({
      ok: true,
      seen: "no failure in all 2,000 schedules with up to 1 preemption",
    });
  });

  it("proves a claim when the search tried every order at all, whatever the bound", () => {
    expect(exploreVerdict(passes, 2, { ...searched, schedules: 104, bound: 0, exhaustive: true, complete: true }).ok).toBe(true);
  });

  it("refuses a claim of 1 preemption when the cap stopped the search after covering only 0", () => {
    const verdict = exploreVerdict(passes, 1, { ...searched, bound: 0, exhaustive: true, complete: false });
    expect(verdict.ok).toBe(false);
    expect(verdict.seen).toBe(
      'the search stopped at 2,000 schedules with up to 0 preemptions, short of the 1 claimed (it tries at most 2,000): lower "preemptions" (1 is often enough), or make the params smaller',
    );
  });

  it("refuses a claim when not even the first bound was covered", () => {
    const verdict = exploreVerdict(passes, 1, { ...searched, bound: 0, exhaustive: false, complete: false });
    expect(verdict).toEqual({
      ok: false,
      seen: 'the search stopped at 2,000 schedules with up to 0 preemptions without covering them all (it tries at most 2,000): lower "preemptions" (1 is often enough), or make the params smaller',
    });
  });

  it("reports an explore-fails claim whose search found nothing", () => {
    expect(exploreVerdict({ expect: "explore-fails" }, 1, { ...searched, schedules: 7, bound: 1, exhaustive: true, complete: false })).toEqual({
      ok: false,
      seen: "explore found no failure in all 7 schedules with up to 1 preemption",
    });
  });
});
