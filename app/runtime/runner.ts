/**
 * The runner: what one worker does for a run, independent of how it is
 * hosted (a browser Web Worker in `worker.ts`, a Node worker_thread in tests).
 *
 * A run is: `prepare` (evaluate the scenario, allocate shared objects),
 * `runBody` (wait at the start gate, run the body), and, on one worker after
 * all bodies end, `finish` (compute the result and check the goals).
 */
import { Arena, Header } from "./memory";
import { SharedInt } from "./shared-int";
import { SharedArray } from "./shared-array";
import { Series } from "./series";
import { Mutex } from "./sync/mutex";
import { RLock } from "./sync/rlock";
import { BoundedSemaphore, Semaphore } from "./sync/semaphore";
import { Event } from "./sync/event";
import { Condition } from "./sync/condition";
import { Barrier } from "./sync/barrier";
import { Queue } from "./sync/queue";
import { LifoQueue } from "./sync/lifo-queue";
import { PriorityQueue } from "./sync/priority-queue";
import { waitAtStartGate } from "./start-gate";
import { EpochCommand, EpochFailure, awaitEpoch, currentEpoch, failEpoch } from "./epochs";
import { checkParam, type ParamSpecs, type ParamValue } from "./params";
import { describeError, evaluateScenario, scenarioModule, type AnyScenario } from "./scenario-module";
import type { Interpreter, Shared, WorkerContext } from "./api";
import { configureGil } from "./gil";
import { takeRunNotes } from "./run-notes";
import { streamConsole, takeConsole } from "./console-capture";
import { setPointHook, type PointHook } from "./gate";
import { breaksEval, setEvalBreaker } from "./eval-breaker";
import { START_POINT, ScheduleAbortedError } from "./turnstile";
import { useGatedClock } from "./sync/wait-clock";
import { countClockRead, countNondeterminism } from "./nondeterminism";
import { Thread } from "./thread";
import { asyncScenarioOf, type AsyncState } from "./asyncio/async-scenarios";
import { runTaskSchedule, type TaskSchedulePlan } from "./asyncio/task-schedule";
import { LoopDeadlockError } from "./asyncio/loop";
import { reportNotes } from "./asyncio/run-main";
import { plainDataProblem } from "./plain-data";
import { loadLanguage } from "./i18n/i18n";
import { DEFAULT_LANGUAGE, type Language } from "./i18n/languages";
import { EventKind, now } from "./trace";
import { WorkerState } from "./worker-status";
import { calibrateCpuUnit, cpuWork, ioWait, warmUpCpu } from "./work";
import {
  workerName,
  type BodyReport,
  type Description,
  type Finish,
  type GoalCheck,
  type GoalOutcome,
  type Outcome,
  type PrepareRequest,
  type Prepared,
  type RunnerApi,
  type TaskEnding,
  type TaskScheduleReport,
  type LiveConsoleLine,
} from "./protocol";
import { runtimeMessage } from "./messages/message";

interface PreparedRun {
  readonly scenario: AnyScenario;
  /** The scenario module run afresh, for the next epoch. */
  readonly module: () => AnyScenario;
  /** The request as prepare received it; `request` is this run's copy, whose parameters a body may change. */
  readonly received: PrepareRequest;
  readonly state: unknown;
  readonly thread: Thread;
  readonly request: PrepareRequest;
}


export class Runner implements RunnerApi {
  private prepared: PreparedRun | null = null;

  /** `post` sends a console line to the page as it is written (worker.ts, node-worker.ts). */
  constructor(private readonly post: (message: LiveConsoleLine) => void = () => {}) {}
  /** The shared objects' words as the first setup left them: each task schedule starts from them. */
  private arenaAtStart: Int32Array | null = null;

  ping(): true {
    return true;
  }

  async describe(js: string, language: Language = DEFAULT_LANGUAGE): Promise<Outcome<Description>> {
    await loadLanguage(language);
    streamConsole(null);
    try {
      const scenario = evaluateScenario(js);
      return { ok: true, value: { params: plainParams(scenario.params), asyncio: asyncScenarioOf(scenario) !== null } };
    } catch (thrown) {
      return { ok: false, error: describeError(thrown, "load") };
    }
  }

  async prepare(request: PrepareRequest): Promise<Outcome<Prepared>> {
    // Before anything that may throw: the run's every message speaks the page's language.
    await loadLanguage(request.language ?? DEFAULT_LANGUAGE);
    this.prepared = null;
    this.arenaAtStart = null;
    // A run's console output begins here, with its setup's; what an earlier run left untaken is not its.
    takeConsole();
    const { workerId } = request;
    // Step mode and Explore run a scenario over and over: only a free run's lines are shown as they come.
    const live = request.gated !== true;
    this.stream(live && request.init ? workerId : null);
    let module: () => AnyScenario;
    let scenario: AnyScenario;
    try {
      module = scenarioModule(request.js, request.gated === true);
      scenario = module();
    } catch (thrown) {
      return { ok: false, error: describeError(thrown, "load", workerId) };
    }
    try {
      const arena = new Arena(request.memory);
      if (request.init) {
        // In a gated run the mode is only recorded (the controller says which switches the GIL rules out): the Gil stays off.
        const interpreter = scenario.interpreter?.(request.params as never) ?? FREE_THREADED;
        if (request.gated && interpreter.mode === "asyncio") {
          throw new Error(runtimeMessage("scenario.gatedAsyncio"));
        }
        configureGil(arena.words, interpreter.mode, interpreter.switchIntervalMs, interpreter.executor);
        Atomics.store(arena.words, Header.gateMode, request.gated ? 1 : 0);
        Atomics.store(arena.words, Header.traceAll, scenario.traceAll ? 1 : 0);
        calibrateCpuUnit(arena.words);
      } else {
        // Calibrating warmed the first worker's core for sorting; the others warm theirs.
        warmUpCpu();
      }
      this.prepared = attach(scenario, module, request, arena, request.init);
      if (request.init) Atomics.store(arena.words, Header.arenaEnd, arena.end);
      // Every worker runs setup to reach the shared objects, but for the student it ran once: its output is the first worker's.
      else takeConsole();
      this.stream(live ? workerId : null);
      return { ok: true, value: { workers: workerCount(scenario, request.params), objects: arena.allocations } };
    } catch (thrown) {
      return { ok: false, error: describeError(thrown, "setup", workerId) };
    }
  }

  async runBody(workers: number): Promise<Outcome<BodyReport>> {
    const { thread, request } = this.mustBePrepared();
    waitAtStartGate(thread.arena.words, workers);
    const startedAt = now();
    try {
      takeRunNotes();
      if (request.epochs) await this.runEpochs(workers, request.epochs.goals);
      else await this.runOnce(workers);
      return { ok: true, value: { startedAt, finishedAt: now(), notes: takeRunNotes(), console: takeConsole() } };
    } catch (thrown) {
      return { ok: false, error: { ...describeError(thrown, "worker", request.workerId), console: takeConsole() } };
    } finally {
      // `result` runs alone, after every body: nothing to schedule, and no turn to wait for.
      setPointHook(null);
      setEvalBreaker(null);
    }
  }

  /** Runs the body once; what it throws goes to `failed` when given (before the controller hears it is done), else up. */
  private async runOnce(workers: number, failed?: (thrown: unknown) => void): Promise<void> {
    const { scenario, state, thread, request } = this.mustBePrepared();
    thread.status.set(WorkerState.Running);
    thread.trace.emit(EventKind.Start);
    thread.gil.take();
    let threw = false;
    try {
      // Inside the try: an aborted schedule (epochs.ts) unwinds from here too, and still ends as done.
      thread.turnstile?.park(START_POINT, 0);
      await scenario.worker(state, workerContext(thread, workers, request));
    } catch (thrown) {
      threw = !(thrown instanceof ScheduleAbortedError);
      if (!failed) throw thrown;
      failed(thrown);
    } finally {
      thread.publish();
      thread.gil.drop();
      thread.trace.emit(EventKind.End);
      thread.status.set(WorkerState.Done);
      thread.turnstile?.finish(threw);
    }
  }

  /** Explore's repeated bodies, one per schedule, until the controller says quit (epochs.ts). */
  private async runEpochs(workers: number, goals: readonly GoalCheck[]): Promise<void> {
    const { words } = this.mustBePrepared().thread.arena;
    // An aborted schedule has failed already, in the controller's eyes.
    const failed = (thrown: unknown) => {
      if (!(thrown instanceof ScheduleAbortedError)) failEpoch(words, EpochFailure.Error, errorWords(thrown));
    };
    for (;;) {
      let seen = currentEpoch(words);
      await this.runOnce(workers, failed);
      for (;;) {
        const { epoch, command } = awaitEpoch(words, seen);
        seen = epoch;
        if (command === EpochCommand.Quit) return;
        if (command === EpochCommand.Next) break;
        if (this.mustBePrepared().request.workerId === 0) this.judgeEpoch(goals);
      }
      const { module, received, thread } = this.mustBePrepared();
      this.prepared = attach(module(), module, received, new Arena(thread.arena.buffer), false);
    }
  }

  /** Worker 0, once every body of the epoch has ended: a result that throws or breaks a goal fails the schedule. */
  private judgeEpoch(goals: readonly GoalCheck[]): void {
    const { thread } = this.mustBePrepared();
    // The result is computed alone, not scheduled; the next epoch's `attach` installs the hooks again.
    setPointHook(null);
    setEvalBreaker(null);
    const judged = this.finish(goals);
    const broken = judged.ok ? judged.value.goals.find((goal) => !goal.passed) : undefined;
    if (!judged.ok) failEpoch(thread.arena.words, EpochFailure.Error, `${judged.error.name}: ${judged.error.message}`);
    else if (broken) failEpoch(thread.arena.words, EpochFailure.Broken, broken.id);
    thread.turnstile?.finish();
  }

  finish(goals: readonly GoalCheck[]): Outcome<Finish> {
    const { scenario, state, request } = this.mustBePrepared();
    let result: unknown;
    try {
      result = scenario.result(state, request.params as never);
      const problem = plainDataProblem(result);
      if (problem) {
        throw new TypeError(runtimeMessage("plainData.notPlain", { problem }));
      }
    } catch (thrown) {
      return { ok: false, error: describeError(thrown, "result", request.workerId) };
    }
    return { ok: true, value: { result, goals: goals.map((goal) => checkGoal(goal, result, request.params)) } };
  }

  async runTaskSchedule(plan: TaskSchedulePlan, goals: readonly GoalCheck[]): Promise<Outcome<TaskScheduleReport>> {
    const { module, received, thread } = this.mustBePrepared();
    // Explore over tasks runs thousands of schedules: none of them is watched line by line.
    this.stream(null);
    const { words } = thread.arena;
    const start = thread.arena.layout.arenaStart;
    this.arenaAtStart ??= words.slice(start, Atomics.load(words, Header.arenaEnd));
    words.set(this.arenaAtStart, start);
    let declaration;
    try {
      // A fresh module and state for every schedule: nothing one schedule did may reach the next.
      this.prepared = attach(module(), module, received, new Arena(thread.arena.buffer), false);
      declaration = asyncScenarioOf(this.prepared.scenario);
    } catch (thrown) {
      return { ok: false, error: describeError(thrown, "setup", received.workerId) };
    }
    if (declaration === null) {
      return { ok: false, error: { name: "Error", message: runtimeMessage("scenario.notAsyncio"), phase: "load" } };
    }
    setPointHook(null);
    setEvalBreaker(null);
    // Choices replay a schedule only if nothing else decides its path: count what could.
    Atomics.store(words, Header.randomCalls, 0);
    Atomics.store(words, Header.clockCalls, 0);
    countNondeterminism(words);
    const { state, request } = this.prepared;
    const run = await runTaskSchedule(declaration, state as AsyncState<unknown>, request.params as never, plan);
    const ending: TaskEnding = run.paused
      ? { kind: "paused", ...run.paused }
      : run.thrown === undefined
        ? this.taskResult(goals, reportNotes(run.report!))
        : taskFailure(run.thrown);
    countNondeterminism(null);
    const nondeterminism = { random: Atomics.load(words, Header.randomCalls), clock: Atomics.load(words, Header.clockCalls) };
    return { ok: true, value: { decisions: run.decisions, steps: run.steps, lanes: run.lanes, ending, diverged: run.diverged, nondeterminism } };
  }

  private taskResult(goals: readonly GoalCheck[], notes: readonly string[]): TaskEnding {
    const finished = this.finish(goals);
    return finished.ok ? { kind: "done", ...finished.value, notes } : { kind: "error", error: finished.error };
  }

  /** Streams the console's kept lines as worker `worker`'s, or (null) stops. */
  private stream(worker: number | null): void {
    streamConsole(worker === null ? null : (line) => this.post({ liveConsole: true, worker, line }));
  }

  private mustBePrepared(): PreparedRun {
    if (this.prepared === null) throw new Error("Runner used before prepare(): this is an engine bug.");
    return this.prepared;
  }
}

/**
 * Evaluates `setup` on this worker's view of the memory: every worker
 * allocates the same objects at the same places. The run gets its own copy
 * of the parameters, so that a body that changes them changes no later epoch.
 */
function attach(scenario: AnyScenario, module: () => AnyScenario, request: PrepareRequest, arena: Arena, init: boolean): PreparedRun {
  const thread = new Thread(arena, request.workerId);
  setPointHook(pointHook(thread));
  setEvalBreaker(breakerHook(thread));
  useGatedClock(thread.turnstile !== null);
  countNondeterminism(thread.turnstile === null ? null : arena.words);
  const own = { ...request, params: { ...request.params } };
  const state = scenario.setup(sharedFactory(thread, arena, init, request.origin), own.params as never);
  return { scenario, module, state, thread, request: own, received: request };
}

/** How many workers a scenario asks for with these parameters. */
export function workerCount(scenario: AnyScenario, params: Readonly<Record<string, ParamValue>>): number {
  const declared = scenario.workers;
  const count = typeof declared === "function" ? declared(params as never) : (declared ?? params.workers ?? 2);
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
    throw new Error(runtimeMessage("scenario.workers", { got: String(count) }));
  }
  return count;
}

const FREE_THREADED: Interpreter = { mode: "free-threaded" };

/**
 * What runs at each scheduling point: the controller's turn in a gated run;
 * under a GIL, the GIL's drop check where CPython would look (a call, not a
 * variable's load or store); else nothing.
 */
function pointHook(thread: Thread): PointHook | null {
  const { turnstile, gil } = thread;
  if (turnstile) return (kind, index) => turnstile.park(kind, index);
  if (!gil.enabled) return null;
  return (kind) => {
    if (breaksEval(kind)) gil.check();
  };
}

/** What the eval-breaker points of scenario code do: noted for the controller in a gated run, the GIL's drop check under a GIL. */
function breakerHook(thread: Thread): (() => void) | null {
  const { turnstile, gil } = thread;
  if (turnstile) return () => turnstile.passBreaker();
  return gil.enabled ? () => gil.check() : null;
}

/** What `setup` receives: each method allocates one object in this worker's arena (exported for the scheduling-point test). */
export function sharedFactory(thread: Thread, arena: Arena, init: boolean, origin: number): Shared {
  return {
    int: (name, initial = 0) => SharedInt.allocate(arena, name, initial, init),
    array: (name, length, initial = 0) => SharedArray.allocate(arena, name, length, initial, init),
    lock: (name) => Mutex.allocate(arena, name, thread),
    rlock: (name) => RLock.allocate(arena, name, thread),
    semaphore: (name, value = 1) => Semaphore.allocate(arena, name, thread, init, value),
    boundedSemaphore: (name, value = 1) => BoundedSemaphore.allocate(arena, name, thread, init, value),
    event: (name) => Event.allocate(arena, name, thread),
    condition: (name, lock) => Condition.allocate(arena, name, thread, lock),
    barrier: (name, parties, options) => Barrier.allocate(arena, name, thread, init, parties, options),
    queue: (name, options) => Queue.allocate(arena, name, thread, init, options),
    priorityQueue: (name, options) => PriorityQueue.allocate(arena, name, thread, init, options),
    lifoQueue: (name, options) => LifoQueue.allocate(arena, name, thread, init, options),
    series: (name, capacity) => Series.allocate(arena, name, init, origin, capacity),
  };
}

function workerContext(thread: Thread, workers: number, { params, origin }: PrepareRequest): WorkerContext<ParamSpecs> {
  return {
    id: thread.id,
    name: workerName(thread.id),
    workers,
    params: params as never,
    cpu: (units) => cpuWork(thread, units),
    io: (ms) => ioWait(thread, ms),
    mark: (label = 0) => thread.trace.emit(EventKind.Mark, 0, label),
    now: () => {
      if (thread.turnstile) countClockRead(thread.arena.words);
      return now() - origin;
    },
  };
}

/** What main or the loop threw, as a task schedule's ending. */
function taskFailure(thrown: unknown): TaskEnding {
  if (thrown instanceof LoopDeadlockError) return { kind: "deadlock", message: thrown.message };
  return { kind: "error", error: describeError(thrown, "worker", 0) };
}

/** An error's class and message: what a shrunk schedule must throw again. */
function errorWords(thrown: unknown): string {
  return thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
}

function checkGoal(goal: GoalCheck, result: unknown, params: unknown): GoalOutcome {
  try {
    return { id: goal.id, passed: Boolean(predicateOf(goal.check)(result, params)) };
  } catch (thrown) {
    return { id: goal.id, passed: false, error: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}

/** Compiled goal checks: Explore checks the same ones after each of thousands of schedules. */
const predicates = new Map<string, (result: unknown, params: unknown) => unknown>();

function predicateOf(check: string): (result: unknown, params: unknown) => unknown {
  let predicate = predicates.get(check);
  if (predicate === undefined) {
    predicate = new Function("result", "params", `return (${check});`) as (r: unknown, p: unknown) => unknown;
    predicates.set(check, predicate);
  }
  return predicate;
}

/** Parameter specs as plain data (they cross to the page), each checked for sense. */
function plainParams(specs: ParamSpecs): ParamSpecs {
  const plain = structuredClone(specs);
  for (const [name, spec] of Object.entries(plain)) {
    const problem = checkParam(name, spec, spec.default);
    if (problem !== null) throw new Error(runtimeMessage("scenario.badDefault", { name, problem }));
  }
  return plain;
}
