/**
 * Fair scheduling for busy-waits: Musuvathi and Qadeer, "Fair Stateless
 * Model Checking" (PLDI 2008). A worker spinning on shared state that does
 * not change (`while (flag.get() === 0) {}`) could be moved forever, and a
 * search that lets it would call every busy-wait a livelock. In CHESS a
 * thread that yields gives priority to every thread enabled at that moment
 * until each of them has moved (or can no longer move); a schedule that
 * breaks such a priority is unfair and not explored.
 *
 * Scenario code has no yield call, so a spin is recognised instead: a step
 * that changed nothing in the shared objects, at an operation (kind and
 * object) this worker already took since the shared objects last changed,
 * in an earlier iteration of the loop it is in now (runtime/eval-breaker.ts
 * follows the loops of scenario code). Its loop came round without anything
 * to see, so it yields. Two looks at one object in straight-line code, or
 * with a call or a loop that has ended between them, are no spin: making
 * the worker yield there would leave out real schedules. Neither is a wait
 * retried inside the runtime: it is woken only by a change, or ends by its
 * timeout. A livelock is then a cycle that no fair schedule escapes:
 * workers that spin while the others spin too, or cannot move.
 */
import { Header, layoutOf } from "../../runtime/memory";
import type { Option, Pending } from "./controller";

/** Where a step was taken among the loops of scenario code. */
type Position = Pick<Pending, "loop" | "iteration">;

/** Whether the loop that `now` is in was already running at `before`, and has begun its body again since. */
function cameRound(before: Position, now: Position): boolean {
  return now.loop !== 0 && now.loop === before.loop && now.iteration > before.iteration;
}

export class SpinYields {
  private readonly start: number;
  private readonly seen: Int32Array;
  /** Operations each worker took since the shared objects last changed, as kind and object, with where it last took each. */
  private readonly taken: Map<number, Position>[];
  /** For each worker that yielded: the workers it waits to see move. */
  private readonly waitsFor: Set<number>[];
  /** A worker that yielded on its last step; its priorities are set at the next decision, from who can move then. */
  private yielding = -1;
  /** How many times a worker yielded. */
  yields = 0;

  constructor(
    private readonly words: Int32Array,
    workers: number,
  ) {
    this.start = layoutOf(words).arenaStart;
    const end = Math.max(this.start, Atomics.load(words, Header.arenaEnd));
    this.seen = words.slice(this.start, end);
    this.taken = Array.from({ length: workers }, () => new Map<number, Position>());
    this.waitsFor = Array.from({ length: workers }, () => new Set<number>());
  }

  /** The workers that must not move at this decision: each yielded, and waits for another that can move to move first. */
  unfair(options: readonly Option[]): Set<number> {
    const movable = new Set(options.map((o) => o.worker));
    if (this.yielding >= 0) {
      for (const worker of movable) if (worker !== this.yielding) this.waitsFor[this.yielding]!.add(worker);
      this.yielding = -1;
    }
    const unfair = new Set<number>();
    this.waitsFor.forEach((waits, worker) => {
      for (const other of waits) if (!movable.has(other)) waits.delete(other);
      if (waits.size > 0) unfair.add(worker);
    });
    return unfair;
  }

  /** After `step`'s worker moved: it has had its turn; if the move changed nothing shared, and its loop came round since it took the same operation, it yields. */
  moved(step: Pick<Pending, "worker" | "kind" | "object"> & Position): void {
    const { worker } = step;
    for (const waits of this.waitsFor) waits.delete(worker);
    if (this.changed()) {
      for (const taken of this.taken) taken.clear();
      return;
    }
    const operation = step.kind * 0x1000000 + step.object;
    const taken = this.taken[worker]!;
    const before = taken.get(operation);
    taken.set(operation, step);
    if (before !== undefined && cameRound(before, step)) {
      this.yielding = worker;
      this.yields++;
    }
  }

  /** Whether the shared objects changed since the last look; brings the copy up to date. */
  private changed(): boolean {
    const { words, seen, start } = this;
    let changed = false;
    for (let i = 0; i < seen.length; i++) {
      // A plain read: the worker's park after its step ordered its writes before this.
      const now = words[start + i]!;
      if (now !== seen[i]) {
        seen[i] = now;
        changed = true;
      }
    }
    return changed;
  }
}
