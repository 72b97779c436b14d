/**
 * Sleep sets (Godefroid, "Partial-Order Methods for the Verification of
 * Concurrent Systems", LNCS 1032, 1996): most schedules differ only in the
 * order of steps that do not affect each other, and running one of them
 * tells what all of them do. After the search has explored a move t from
 * some point, a later sibling move u that is independent of t puts t to
 * sleep below u: t is not tried there again until a step dependent on it
 * wakes it. A stateless search with sleep sets still runs at least one
 * schedule of every class of equivalent ones (every Mazurkiewicz trace), so
 * every final state, error and deadlock is still reached.
 *
 * Two steps are independent when they touch different shared objects, or
 * when both only read one. A step's object is its scheduling point's
 * (runtime/gate.ts), widened to the allocation holding it, so that an
 * element of an array and the whole array are one object. A read of a
 * semaphore is taken to touch everything: `holders()` publishes counts
 * other steps keep privately.
 *
 * Sleep sets are sound for a search without a bound; with a preemption bound
 * they can lose schedules within the bound (Coons, Musuvathi and McKinley,
 * "Bounded Partial-Order Reduction", OOPSLA 2013), so the search uses them
 * only where no bound applies (epoch-search.ts), and gives up on them when
 * fair scheduling had to make a spinning worker yield.
 */
import type { Allocation } from "../../runtime/memory";
import { PointKind } from "../../runtime/gate";
import { TurnState } from "../../runtime/turnstile";
import type { Option, Pending } from "./controller";
import { optionKey } from "./drive";

/** What a step touches: an allocation (or -1: nothing shared), whether it only reads, or everything. */
interface Footprint {
  readonly object: number;
  readonly reads: boolean;
  readonly everything: boolean;
}

const NOTHING: Footprint = { object: -1, reads: true, everything: false };

export class SleepSets {
  private asleep = new Map<number, Footprint>();
  /** Moves not tried because they slept, over the schedules run. */
  skipped = 0;

  constructor(private readonly objects: readonly Pick<Allocation, "index" | "words" | "kind">[]) {}

  /** Wakes nothing: a new schedule starts from the beginning. */
  reset(): void {
    this.asleep = new Map();
  }

  /** For each of the first `fair` options, whether it sleeps here. */
  flags(ordered: readonly Option[], fair: number): boolean[] {
    return ordered.slice(0, fair).map((o) => this.asleep.has(optionKey(o)));
  }

  /**
   * After `taken` (about to do `pending`): the moves tried before it at this
   * point (`explored`, with what they would do) fall asleep, and every
   * sleeping move that `taken` depends on wakes.
   */
  took(taken: Option, pending: Pending, explored: readonly { option: Option; pending: Pending }[]): void {
    const done = this.footprint(pending);
    const next = new Map<number, Footprint>();
    const keep = (key: number, worker: number, footprint: Footprint) => {
      if (worker !== taken.worker && independent(footprint, done)) next.set(key, footprint);
    };
    for (const [key, footprint] of this.asleep) keep(key, key >> 1, footprint);
    for (const e of explored) keep(optionKey(e.option), e.option.worker, this.footprint(e.pending));
    this.asleep = next;
  }

  private footprint(pending: Pending): Footprint {
    if (pending.state === TurnState.AtPoint && (pending.kind === 0 || pending.kind === PointKind.Io)) return NOTHING;
    const allocation = this.objects.findIndex((o) => pending.object >= o.index && pending.object < o.index + o.words);
    const reads = pending.state === TurnState.AtPoint && (pending.kind === PointKind.Read || pending.kind === PointKind.Query);
    const kind = this.objects[allocation]?.kind ?? "";
    return { object: allocation, reads, everything: allocation < 0 || (reads && kind.includes("semaphore")) };
  }
}

function independent(a: Footprint, b: Footprint): boolean {
  if (a.everything || b.everything) return false;
  if (a.object < 0 || b.object < 0) return true;
  return a.object !== b.object || (a.reads && b.reads);
}
