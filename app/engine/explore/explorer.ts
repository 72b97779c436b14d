/**
 * The page's explore: one search at a time over the student's current code,
 * as a store the UI subscribes to (progress while it runs, then what it
 * found). What counts as a failure: an error, a deadlock, or a result that
 * breaks the lesson's invariant (a predicate over `result` and `params`,
 * like a goal's check, that must hold in every schedule).
 */
import type { ParamValue } from "../../runtime/params";
import type { Goal, Invariant } from "../course/lesson";
import { compiler } from "../compiler";
import { Store } from "../store";
import type { WorkerPool } from "../pool";
import { DEFAULT_BUDGET_MS, explore, type Driver, type ExploreProgress, type ExploreResult, type FoundFailure } from "./explore";
import { encodeSchedule, encodeTaskSchedule } from "./schedule";
import { engineMessage } from "../messages/message";

export type ExploreSnapshot =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly progress: ExploreProgress; readonly startedAt: number; readonly budgetMs: number }
  | {
      readonly status: "done";
      readonly result: ExploreResult;
      readonly schedule: string | null;
      readonly ms: number;
      readonly cancelled: boolean;
      /** What was searched: a replay of the found schedule must run this code with these parameters. */
      readonly source: string;
      readonly params: Readonly<Record<string, ParamValue>>;
      /** What had to hold in every schedule: the playground's share link carries it as its promise. */
      readonly invariant: Invariant | null;
    }
  | { readonly status: "refused"; readonly message: string };

export class Explorer extends Store<ExploreSnapshot> {
  private cancelRequested = false;

  constructor(
    private readonly pool: WorkerPool,
    private readonly driver: Driver,
  ) {
    super({ status: "idle" });
  }

  get running(): boolean {
    return this.getSnapshot().status === "running";
  }

  async start(source: string, params: Readonly<Record<string, ParamValue>>, invariant: Invariant | null): Promise<void> {
    if (this.running) return;
    // Before the compiler's load, so that a Stop pressed while it loads is kept, not undone.
    this.cancelRequested = false;
    const { compiledOrRefusal } = await compiler();
    if (this.running) return;
    const compiled = compiledOrRefusal(source);
    if ("refused" in compiled) return this.set({ status: "refused", message: compiled.refused });
    const startedAt = performance.now();
    const budgetMs = DEFAULT_BUDGET_MS;
    this.set({ status: "running", progress: { schedules: 0, bound: 0, strategy: "bounded" }, startedAt, budgetMs });
    let result: ExploreResult;
    try {
      result = await explore(this.pool, {
        js: compiled.js,
        params,
        promises: invariantPromise(invariant),
        budgetMs,
        driver: this.driver,
        cancelled: () => this.cancelRequested,
        progress: (progress) => this.set({ status: "running", progress, startedAt, budgetMs }),
      });
    } catch (thrown) {
      return this.set({ status: "refused", message: engineMessage("explore.searchFailed", { error: thrown instanceof Error ? thrown.message : String(thrown) }) });
    }
    const schedule = result.failure ? scheduleOf(result.failure, source, params) : null;
    this.set({ status: "done", result, schedule, ms: performance.now() - startedAt, cancelled: this.cancelRequested, source, params, invariant });
  }

  cancel(): void {
    this.cancelRequested = true;
  }
}

/** The found failure's schedule string; null when it has none to replay (it failed before any step). */
function scheduleOf(failure: FoundFailure, source: string, params: Readonly<Record<string, ParamValue>>): string | null {
  if (failure.tasks) return encodeTaskSchedule(failure.choices, source, params);
  return failure.steps.length > 0 ? encodeSchedule(failure.steps, source, params) : null;
}

/** The invariant as a promise every schedule must keep, checked in the worker like every goal (never on the page). */
export function invariantPromise(invariant: Invariant | null): Goal[] {
  return invariant === null ? [] : [{ id: "invariant", ...invariant }];
}
