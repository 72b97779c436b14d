/**
 * The scenario API: everything scenario code imports from "interleave".
 * Its declarations are what the editor loads for completion and type errors,
 * so what is exported here is the whole contract with lesson authors.
 *
 * Names follow Python's threading vocabulary in JavaScript case.
 */
import type { ParamSpecs, ParamValues } from "./params";
import type { SharedInt } from "./shared-int";
import type { SharedArray } from "./shared-array";
import type { Mutex } from "./sync/mutex";
import type { RLock } from "./sync/rlock";
import type { BoundedSemaphore, Semaphore } from "./sync/semaphore";
import type { Event } from "./sync/event";
import type { Condition } from "./sync/condition";
import type { Barrier, BarrierOptions } from "./sync/barrier";
import type { Message, Queue } from "./sync/queue";
import type { QueueOptions } from "./sync/queue-layout";
import type { LifoQueue } from "./sync/lifo-queue";
import type { PriorityQueue } from "./sync/priority-queue";
import type { ExecutorKind, InterpreterMode } from "./gil";
import type { Series } from "./series";
import type { Loop } from "./asyncio/loop-api";
import { runMain, type ClockKind } from "./asyncio/run-main";
import { registerAsyncScenario, type AsyncState } from "./asyncio/async-scenarios";
import { serveJobs, type ExecutorSpec, type Job } from "./asyncio/executor";

export { param } from "./params";
export type { IntParam, ChoiceParam, ParamSpecs, ParamValues } from "./params";
export type { SharedInt } from "./shared-int";
export type { SharedArray } from "./shared-array";
export type { Mutex, Held } from "./sync/mutex";
export type { RLock } from "./sync/rlock";
export type { Semaphore, BoundedSemaphore } from "./sync/semaphore";
export type { Event } from "./sync/event";
export type { Condition } from "./sync/condition";
export type { Barrier, BarrierOptions } from "./sync/barrier";
export type { Queue, Message, PriorityItem } from "./sync/queue";
export type { QueueOptions } from "./sync/queue-layout";
export type { AcquireOptions, QueueWaitOptions } from "./sync/wait-options";
export type { LifoQueue } from "./sync/lifo-queue";
export type { PriorityQueue } from "./sync/priority-queue";
/** Python's `threading.BrokenBarrierError`, `queue.Full` and `queue.Empty`, for `catch` and `instanceof`. */
export { BrokenBarrierError, Full, Empty } from "./errors";
export type { InterpreterMode, ExecutorKind } from "./gil";
export type { ExecutorSpec, Job } from "./asyncio/executor";
export type { Series, Point } from "./series";
export type { Loop } from "./asyncio/loop-api";
export type { ClockKind } from "./asyncio/run-main";
export type { Task } from "./asyncio/task";
export type { Future } from "./asyncio/future";
export type { TaskGroup } from "./asyncio/task-group";
export type { AsyncLock } from "./asyncio/lock";
export type { AsyncSemaphore, AsyncBoundedSemaphore } from "./asyncio/semaphore";
export type { AsyncEvent } from "./asyncio/event";
export type { AsyncCondition } from "./asyncio/condition";
export type { AsyncQueue, AsyncPriorityQueue } from "./asyncio/queue";
/** asyncio's exceptions under Python's names, for `catch` and `instanceof`. */
export { CancelledError, TimeoutError, ExceptionGroup, InvalidStateError, QueueFull, QueueEmpty } from "./asyncio/errors";
/** Python's `threading.Lock`. */
export type Lock = Mutex;

/**
 * Creates the objects that all workers share. Called in `setup`, in the same
 * order in every worker. Every blocking method can be given a timeout in
 * seconds, as in Python: by name, as Python does, for `acquire`, `get` and
 * `put` (`lock.acquire({ timeout: 0.05 })`, `q.get({ block: false })`), and
 * as the argument for `wait(timeout)`.
 */
export interface Shared {
  /**
   * A shared 32-bit integer starting at `initial` (default 0), like Python's
   * `multiprocessing.Value('i')`: `get`, `set`, and the one-step `add`,
   * `compareAndSet` and `exchange`.
   */
  int(name: string, initial?: number): SharedInt;
  /**
   * `length` shared 32-bit integers, Python's `multiprocessing.Array('i')`:
   * each starts at `initial` (one number for all, default 0, or one number per
   * element). Each element access is one step on that element, named
   * `name[i]` in step mode.
   */
  array(name: string, length: number, initial?: number | readonly number[]): SharedArray;
  /** A mutual-exclusion lock, Python's `threading.Lock`. */
  lock(name: string): Lock;
  /** A reentrant lock, Python's `threading.RLock`: its holder may acquire it again. */
  rlock(name: string): RLock;
  /** A counting semaphore with `value` permits, Python's `threading.Semaphore`. */
  semaphore(name: string, value?: number): Semaphore;
  /** A semaphore that refuses to be released above `value`, Python's `threading.BoundedSemaphore`. */
  boundedSemaphore(name: string, value?: number): BoundedSemaphore;
  /** A flag workers wait for, Python's `threading.Event`. */
  event(name: string): Event;
  /** A condition variable over `lock` (a new RLock when omitted), Python's `threading.Condition`. */
  condition(name: string, lock?: Lock | RLock): Condition;
  /** A reusable barrier for `parties` workers, Python's `threading.Barrier`. */
  barrier(name: string, parties: number, options?: BarrierOptions): Barrier;
  /** A bounded first-in, first-out queue, Python's `queue.Queue` (maxsize >= 1). */
  queue<T = Message>(name: string, options: QueueOptions): Queue<T>;
  /**
   * A bounded queue giving the smallest item first, Python's
   * `queue.PriorityQueue`: items are numbers or [priority, data] pairs,
   * compared as Python compares them, so equal priorities by their data.
   */
  priorityQueue<D = Message>(name: string, options: QueueOptions): PriorityQueue<D>;
  /** A bounded last-in, first-out queue, Python's `queue.LifoQueue`. */
  lifoQueue<T = Message>(name: string, options: QueueOptions): LifoQueue<T>;
  /**
   * Values recorded over the run for an "over time" chart: any worker calls
   * `record(value)`; `result` returns `series.points()`. Holds `capacity`
   * points (default 4,000); later ones are dropped.
   */
  series(name: string, capacity?: number): Series;
}

/** What a worker's body knows about itself, and the work it can simulate. */
export interface WorkerContext<P extends ParamSpecs> {
  /** 0-based worker number. */
  readonly id: number;
  /** Display name: "A", "B", ... */
  readonly name: string;
  /** How many workers the run has. */
  readonly workers: number;
  readonly params: ParamValues<P>;
  /**
   * CPU-bound work: real computation. A unit is the work one core of this
   * machine does in about 1 ms (measured at the start of each run), so
   * `cpu(50)` is a fixed amount of work taking about 50 ms alone. Under the
   * GIL it yields when another worker asks, between small chunks. Returns a
   * checksum of the work.
   */
  cpu(units: number): number;
  /** I/O-bound work: blocks for `ms` milliseconds, releasing the GIL meanwhile (like `time.sleep`). */
  io(ms: number): void;
  /** Puts a numbered mark on this worker's timeline. */
  mark(label?: number): void;
  /** Milliseconds since the run started, on one clock shared by every worker. */
  now(): number;
}

/** How the workers behave as Python: threads under one GIL, free-threaded, or processes. */
export interface Interpreter {
  readonly mode: InterpreterMode;
  /** Python's `sys.setswitchinterval`, in milliseconds (default 5). */
  readonly switchIntervalMs?: number;
  /** asyncio mode: the pool runInExecutor uses; threads share the GIL with the loop. */
  readonly executor?: ExecutorKind;
}

export interface Scenario<P extends ParamSpecs, S, R> {
  readonly params: P;
  /** The interpreter model for this run; without it, workers run free-threaded (no GIL). */
  readonly interpreter?: (params: ParamValues<P>) => Interpreter;
  /**
   * Trace every acquire and release for the timeline, not only the contended
   * ones. Each traced operation costs about 100 ns: use it for scenarios with
   * few lock operations.
   */
  readonly traceAll?: boolean;
  /** How many workers to start; defaults to the `workers` parameter, else 2. */
  readonly workers?: number | ((params: ParamValues<P>) => number);
  /** Creates the shared state. Must not depend on which worker runs it. */
  setup(shared: Shared, params: ParamValues<P>): S;
  /** The body every worker runs, all starting together. */
  worker(state: S, context: WorkerContext<P>): void | Promise<void>;
  /** Computes the run's result after every worker has finished. */
  result(state: S, params: ParamValues<P>): R;
}

/** Declares a scenario; the module's default export. */
export function defineScenario<const P extends ParamSpecs, S, R>(scenario: Scenario<P, S, R>): Scenario<P, S, R> {
  return scenario;
}

/**
 * A scenario in asyncio mode: tasks take turns on one event loop, on one
 * worker, and a task gives the loop up only at an `await` of the loop's own
 * objects (loop.sleep, loop.io, tasks, the loop's locks and queues).
 */
export interface AsyncScenario<P extends ParamSpecs, S, R> {
  readonly params: P;
  /**
   * `virtual` (the default): time stands still while tasks run and jumps to
   * the next timer when none is ready, so long waits take no time and runs
   * repeat exactly. `real`: the loop sleeps until its next deadline.
   */
  readonly clock?: (params: ParamValues<P>) => ClockKind;
  /**
   * A pool of workers for runInExecutor and toThread: a pool of threads
   * shares the GIL with the loop, a pool of processes does not. Its jobs take
   * real time, so the clock is real unless `clock` says otherwise. Null: no pool.
   */
  readonly executor?: (params: ParamValues<P>) => ExecutorSpec | null;
  /** The functions the executor's workers may run, by name: plain data in, plain data out, nothing shared with the tasks. */
  readonly jobs?: Readonly<Record<string, Job>>;
  /** Creates the state the tasks share: plain values will do, since every task runs on the loop's one thread. */
  setup(shared: Shared, params: ParamValues<P>): S;
  /** `asyncio.run(main())`: the first task; tasks still pending when it returns are cancelled and listed. */
  main(state: S, loop: Loop, params: ParamValues<P>): Promise<void>;
  /** Computes the run's result after main has returned. */
  result(state: S, params: ParamValues<P>): R;
}

/** Declares a scenario in asyncio mode; the module's default export. */
export function defineAsyncScenario<const P extends ParamSpecs, S, R>(scenario: AsyncScenario<P, S, R>): Scenario<P, S, R> {
  const pool = (params: ParamValues<P>) => scenario.executor?.(params) ?? null;
  const declared: Scenario<P, AsyncState<S>, R> = {
    params: scenario.params,
    interpreter: (params) => ({ mode: "asyncio", executor: pool(params)?.kind }),
    workers: (params) => 1 + (pool(params)?.workers ?? 0),
    setup: (shared, params) => ({ tasks: scenario.setup(shared, params), channel: pool(params) ? executorChannel(shared) : null }),
    worker: ({ tasks, channel }, ctx) => {
      const executor = pool(ctx.params);
      if (ctx.id > 0) return serveJobs(channel!, scenario.jobs ?? {}, ctx as never);
      const clock = scenario.clock?.(ctx.params) ?? (executor ? "real" : "virtual");
      return runMain((loop) => scenario.main(tasks, loop, ctx.params), clock, ctx as never, executor && { ...executor, channel: channel!, jobs: scenario.jobs ?? {} });
    },
    result: ({ tasks }, params) => scenario.result(tasks, params),
  };
  registerAsyncScenario(declared as never, scenario as never);
  return declared as unknown as Scenario<P, S, R>;
}

/** The queues between the loop's worker and its executor's workers: a job or result is plain data of at most 1 KB. */
function executorChannel(shared: Shared) {
  return {
    jobs: shared.queue("executor jobs", { maxsize: 64, slotBytes: 1024 }),
    results: shared.queue("executor results", { maxsize: 64, slotBytes: 1024 }),
  };
}
