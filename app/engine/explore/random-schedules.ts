/**
 * Explore's randomised strategies, for what the preemption-bounded search
 * leaves out once its bound is reached: a random walk (each decision picks an
 * option uniformly), and PCT, probabilistic concurrency testing (Burckhardt,
 * Kothari, Musuvathi and Nagarakatte, "A Randomized Scheduler with
 * Probabilistic Guarantees of Finding Bugs", ASPLOS 2010): workers get
 * random distinct priorities, the highest-priority worker that can move
 * always moves, and at `depth - 1` random steps the one about to move drops
 * below all others. A bug of depth d shows with probability at least
 * 1 / (n k^(d-1)) per run, for n workers and k steps. Both pick only among
 * the moves a fair search may take (drive.ts, Turns), so a spinning worker
 * cannot starve the rest.
 */
import type { Option } from "./controller";
import type { Chooser } from "./drive";
import type { Random } from "../../runtime/seeded-random";

/** Each decision picks one of the moves a fair search may take (drive.ts, Turns), uniformly. */
export function randomWalk(random: Random): Chooser {
  return (_, __, fair) => Math.floor(random() * fair);
}

/** PCT with bug depth `depth`, for runs of about `steps` decisions. */
export function pct(random: Random, workers: number, depth: number, steps: number): Chooser {
  const priority = shuffled(Array.from({ length: workers }, (_, w) => depth + w), random);
  const changeAt = Array.from({ length: depth - 1 }, () => Math.floor(random() * Math.max(1, steps)));
  const highest = (ordered: readonly Option[], fair: number) => {
    let best = 0;
    for (let i = 1; i < fair; i++) if (priority[ordered[i]!.worker]! > priority[ordered[best]!.worker]!) best = i;
    return best;
  };
  return (ordered, step, fair) => {
    const change = changeAt.indexOf(step);
    if (change < 0) return highest(ordered, fair);
    // The i-th change point lowers the worker about to move to priority i, below every initial one.
    priority[ordered[highest(ordered, fair)]!.worker] = change;
    return highest(ordered, fair);
  };
}

function shuffled<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
