/**
 * One schedule of an asyncio scenario, for step mode and Explore: `main`
 * runs on a loop of its own with the virtual clock, and at each choice
 * point (arrivals.ts: which I/O arrives, whether time jumps past an I/O
 * still out) takes the plan's position, then the default or a random one.
 * The run is deterministic given its positions, so a search replays a
 * schedule by its positions alone (engine/explore/search.ts, stateless
 * search), as it does for threads.
 */
import { VirtualClock } from "./clock";
import { EventLoop, LoopHalted, type LoopObserver, type LoopReport } from "./loop";
import { loopApi } from "./loop-api";
import { arrivalKey, type Arrival } from "./arrivals";
import { errorWords, type Task } from "./task";
import { seededRandom } from "../seeded-random";
import type { AsyncScenario } from "../api";
import type { ParamSpecs } from "../params";
import type { WorkerContext } from "../api";
import type { AsyncState } from "./async-scenarios";
import { InlineExecutor } from "./executor";
import { guardingLoopThread } from "./loop-thread-guard";
import { runtimeMessage } from "../messages/message";
import { awaitWords } from "./await-words";

export interface TaskSchedulePlan {
  /** The positions to take at the first choices. */
  readonly prefix: readonly number[];
  /** The arrivals (arrivalKey) the prefix was chosen among: a run that meets others has diverged. */
  readonly keys?: readonly number[];
  /** After the prefix, positions drawn from this seed (a random walk); without one, the defaults. */
  readonly seed?: number;
  /** Record each step and the tasks' names, to show this schedule (costs a stack trace per loop call). */
  readonly record?: boolean;
  /** Step mode: stop once this many task steps have run. */
  readonly stopAfterSteps?: number;
  /** Step mode: stop at the first choice after the prefix, to offer its arrivals. */
  readonly pauseAtChoice?: boolean;
}

/** An arrival the student may choose in step mode, in words. */
export interface OfferedArrival {
  readonly words: string;
  /** Not the nominal one: choosing it is a preemption. */
  readonly preemption: boolean;
}

/** Where a stopped run stands: each lane's task and what it does now, and the arrivals on offer when it stopped at a choice. */
export interface Paused {
  /** For each lane after the loop's: "ready", "awaits I/O of 0.1 s", "done"... */
  readonly standing: readonly string[];
  /** Empty when it stopped after a step rather than at a choice. */
  readonly offered: readonly OfferedArrival[];
}

/** A choice the schedule made; Explore's decisions (engine/explore/search.ts) are these, for workers' moves too. */
export interface TaskDecision {
  /** How many options it had. */
  readonly count: number;
  /** The position taken (0: the default). */
  readonly position: number;
  /** For each position, whether taking it is a preemption. */
  readonly preemptive: readonly boolean[];
  /** Preemptions taken before this decision. */
  readonly preemptionsBefore: number;
  /** For each position, the move it was: a replay of this prefix must meet the same moves. */
  readonly keys: readonly number[];
}

/** One row of the swimlanes: a task's step, or, in lane 0, what arrived when the loop had a choice. */
export interface TaskStep {
  /** 0 is the event loop itself; tasks follow in the order they first ran, main first. */
  readonly lane: number;
  readonly words: string;
  /** The scenario line of the step's last call to the loop; 0 when unknown. */
  readonly line: number;
  /** The loop's virtual time when the step ran, in seconds. */
  readonly at: number;
  /** An arrival other than the default: one preemption. */
  readonly preemption: boolean;
}

export interface TaskScheduleRun {
  readonly decisions: readonly TaskDecision[];
  readonly steps: readonly TaskStep[];
  /** Lane names: "event loop", then the tasks. */
  readonly lanes: readonly string[];
  /** What `main` or the loop threw (an error, a deadlock, misuse); undefined when main returned. */
  readonly thrown: unknown;
  readonly report: LoopReport | null;
  readonly diverged: boolean;
  /** Set when the plan stopped the run before its end (step mode). */
  readonly paused: Paused | null;
}

export const LOOP_LANE = "event loop";

export async function runTaskSchedule<S>(scenario: AsyncScenario<ParamSpecs, S, unknown>, state: AsyncState<S>, params: never, plan: TaskSchedulePlan): Promise<TaskScheduleRun> {
  const pool = scenario.executor?.(params) ?? null;
  const choices = new PlannedChoices(plan);
  const record = plan.record || plan.stopAfterSteps !== undefined ? new StepRecord() : null;
  const clock = new VirtualClock();
  const loop = new EventLoop(clock, {
    choose: (arrivals) => choices.choose(arrivals),
    observer: record?.observer(() => clock.now(), () => {
      if (plan.stopAfterSteps !== undefined && record.taskSteps >= plan.stopAfterSteps) loop.halt();
    }),
    recordLines: plan.record ?? false,
    executor: pool ? (self) => new InlineExecutor(pool.kind, scenario.jobs ?? {}, self, inlineContext(params)) : undefined,
  });
  // Step mode's start: main created, not yet begun.
  if (plan.stopAfterSteps === 0) loop.halt();
  let thrown: unknown;
  let report: LoopReport | null = null;
  try {
    ({ report } = await guardingLoopThread(loop, () => loop.run(() => scenario.main(state.tasks, loopApi(loop), params))));
  } catch (error) {
    thrown = error;
  }
  const paused = thrown instanceof LoopHalted ? { standing: record?.standing() ?? [], offered: choices.offered } : null;
  return {
    decisions: choices.decisions,
    steps: record?.steps ?? [],
    lanes: record?.lanes ?? [],
    thrown: paused ? undefined : thrown,
    report,
    diverged: choices.diverged,
    paused,
  };
}

/** What a job run inline sees: an executor worker's context, whose work takes no time (only the order of results matters here). */
function inlineContext(params: never): WorkerContext<ParamSpecs> {
  return { id: 1, name: "B", workers: 2, params, cpu: () => 0, io: () => {}, mark: () => {}, now: () => 0 };
}

/** The plan's positions, then the defaults or random ones; each choice recorded as a decision. */
class PlannedChoices {
  readonly decisions: TaskDecision[] = [];
  diverged = false;
  /** The arrivals of the choice it stopped at (pauseAtChoice). */
  offered: OfferedArrival[] = [];
  private preemptions = 0;
  private readonly random: (() => number) | null;

  constructor(private readonly plan: TaskSchedulePlan) {
    this.random = plan.seed === undefined ? null : seededRandom(plan.seed);
  }

  choose(arrivals: readonly Arrival[]): number {
    const index = this.decisions.length;
    if (this.plan.pauseAtChoice && index >= this.plan.prefix.length) {
      this.offered = arrivals.map((_, position) => ({ words: arrivalWords(arrivals, position) ?? runtimeMessage("taskStep.runsReady"), preemption: position > 0 }));
      throw new LoopHalted("Paused at a choice.");
    }
    const keys = arrivals.map(arrivalKey);
    let position = this.positionAt(index, arrivals.length);
    if (index < this.plan.prefix.length && (position >= arrivals.length || (this.plan.keys && keys[position] !== this.plan.keys[index]))) {
      this.diverged = true;
      position = 0;
    }
    this.decisions.push({ count: arrivals.length, position, preemptive: keys.map((_, p) => p > 0), preemptionsBefore: this.preemptions, keys });
    if (position > 0) this.preemptions++;
    return position;
  }

  private positionAt(index: number, count: number): number {
    if (index < this.plan.prefix.length) return this.plan.prefix[index]!;
    return this.random ? Math.floor(this.random() * count) : 0;
  }
}

/** The swimlanes' rows, as the loop reports them. */
class StepRecord {
  readonly steps: TaskStep[] = [];
  readonly lanes: string[] = [LOOP_LANE];
  taskSteps = 0;
  private readonly tasks: Task<unknown>[] = [];
  private readonly started = new Set<Task<unknown>>();

  observer(now: () => number, stepped: () => void): LoopObserver {
    return {
      arrived: (arrivals, position) => {
        const words = arrivalWords(arrivals, position);
        if (words !== null) this.steps.push({ lane: 0, words, line: 0, at: now(), preemption: position > 0 });
      },
      taskCreated: (task) => {
        this.tasks.push(task);
        this.lanes.push(task.name);
      },
      stepEnds: (task, line) => {
        const first = !this.started.has(task);
        this.started.add(task);
        this.steps.push({ lane: this.tasks.indexOf(task) + 1, words: stepWords(task, first), line, at: now(), preemption: false });
        this.taskSteps++;
        stepped();
      },
    };
  }

  standing(): string[] {
    return this.tasks.map((task) => task.standing());
  }
}

/** What a step came to: "starts, awaits I/O of 0.1 s", "ends", "ends with ValueError: bad". */
function stepWords(task: Task<unknown>, first: boolean): string {
  if (task.cancelled()) return runtimeMessage(first ? "taskStep.cancelledBeforeStart" : "taskStep.endsCancelled");
  const step = stepEnd(task);
  return first ? runtimeMessage("taskStep.starts", { step }) : step;
}

/** How a step ended, without whether it was the task's first. */
function stepEnd(task: Task<unknown>): string {
  if (task.done()) {
    const error = task.peekError();
    return error === undefined ? runtimeMessage("taskStep.ends") : runtimeMessage("taskStep.endsWith", { error: errorWords(error) });
  }
  const waiting = task.waitingFor();
  return waiting === null ? runtimeMessage("taskStep.yields") : runtimeMessage("taskStep.awaits", { what: awaitWords(waiting) });
}

/** What arrived at a choice, in words; null for running the ready tasks as due. */
function arrivalWords(arrivals: readonly Arrival[], position: number): string | null {
  const arrival = arrivals[position]!;
  const early = position > 0;
  switch (arrival.kind) {
    case "go":
      return early ? runtimeMessage("taskStep.readyFirst") : null;
    case "timer":
      return runtimeMessage(early ? "taskStep.timerBeforeIo" : "taskStep.timer", { seconds: Number(arrival.at.toFixed(6)) });
    case "io":
      return runtimeMessage(early ? "taskStep.ioEarly" : "taskStep.io", { task: arrival.io.task, what: awaitWords(arrival.io.what) });
  }
}
