/**
 * The scenario API: everything scenario code imports from "interleave".
 * Its declarations are what the editor loads for completion and type errors,
 * so what is exported here is the whole contract with lesson authors.
 *
 * Names follow Python's threading vocabulary in JavaScript case.
 */
import type { ParamSpecs, ParamValues } from "./params";
import type { SharedInt } from "./shared-int";
import type { Mutex } from "./sync/mutex";
import type { InterpreterMode } from "./gil";

export { param } from "./params";
export type { IntParam, ChoiceParam, ParamSpecs, ParamValues } from "./params";
export type { SharedInt } from "./shared-int";
export type { Mutex, Held } from "./sync/mutex";
export type { InterpreterMode } from "./gil";
/** Python's `threading.Lock`. */
export type Lock = Mutex;

/** Creates the objects that all workers share. Called in `setup`, in the same order in every worker. */
export interface Shared {
  /** A shared 32-bit integer starting at `initial`. */
  int(name: string, initial?: number): SharedInt;
  /** A mutual-exclusion lock, Python's `threading.Lock`. */
  lock(name: string): Lock;
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
