/**
 * The page's explore: one search at a time over the student's current code,
 * as a store the UI subscribes to (progress while it runs, then what it
 * found). What counts as a failure: an error, a deadlock, or a result that
 * breaks the lesson's invariant (a predicate over `result` and `params`,
 * like a goal's check, that must hold in every schedule).
 */
import type { ParamValue } from "../../runtime/params";
import type { Invariant } from "../course/lesson";
import { compileScenario } from "../compile";
import { Store } from "../store";
import type { WorkerPool } from "../pool";
import { explore, type Driver, type ExploreRequest, type ExploreResult } from "./explore";
import { encodeSchedule } from "./schedule";

export type ExploreSnapshot =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly schedules: number; readonly bound: number; readonly startedAt: number }
  | {
      readonly status: "done";
      readonly result: ExploreResult;
      readonly schedule: string | null;
      readonly ms: number;
      readonly cancelled: boolean;
      /** What was searched: a replay of the found schedule must run this code with these parameters. */
      readonly source: string;
      readonly params: Readonly<Record<string, ParamValue>>;
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
    const compiled = compileScenario(source);
    if (!compiled.ok) return this.set({ status: "refused", message: `The code does not compile: ${compiled.error.message}` });
    const startedAt = performance.now();
    this.cancelRequested = false;
    this.set({ status: "running", schedules: 0, bound: 0, startedAt });
    let shown = startedAt;
    let result: ExploreResult;
    try {
      result = await explore(this.pool, {
        js: compiled.js,
        params,
        ...invariantCheck(invariant),
        driver: this.driver,
        cancelled: () => this.cancelRequested,
        progress: (schedules, bound) => {
          // The page repaints a few times a second, not once per schedule.
          if (performance.now() - shown < PROGRESS_EVERY_MS) return;
          shown = performance.now();
          this.set({ status: "running", schedules, bound, startedAt });
        },
      });
    } catch (thrown) {
      return this.set({ status: "refused", message: `The search failed: ${thrown instanceof Error ? thrown.message : String(thrown)}. Run the code once to see why.` });
    }
    const schedule = result.failure ? encodeSchedule(result.failure.steps, source, params) : null;
    this.set({ status: "done", result, schedule, ms: performance.now() - startedAt, cancelled: this.cancelRequested, source, params });
  }

  cancel(): void {
    this.cancelRequested = true;
  }
}

const INVARIANT_GOAL = "invariant";
const PROGRESS_EVERY_MS = 200;

/** The invariant as a goal, checked in the worker like every goal (never on the page), and its verdict in words. */
export function invariantCheck(invariant: Invariant | null): Pick<ExploreRequest, "goals" | "broken"> {
  if (invariant === null) return { goals: [], broken: () => null };
  return {
    goals: [{ id: INVARIANT_GOAL, check: invariant.check }],
    broken: (_, goals) => {
      const outcome = goals.find((goal) => goal.id === INVARIANT_GOAL);
      if (outcome?.passed) return null;
      return outcome?.error ? `The invariant's check threw: ${outcome.error}` : `Broken: ${invariant.text}`;
    },
  };
}
