/**
 * The runner: what one worker does for a run, independent of how it is
 * hosted (a browser Web Worker in `worker.ts`, a Node worker_thread in tests).
 *
 * A run is: `prepare` (evaluate the scenario, allocate shared objects),
 * `runBody` (wait at the start gate, run the body), and, on one worker after
 * all bodies end, `finish` (compute the result and check the goals).
 */
import { Arena } from "./memory";
import { SharedInt } from "./shared-int";
import { Mutex } from "./sync/mutex";
import { waitAtStartGate } from "./start-gate";
import { checkParam, type ParamSpecs, type ParamValue } from "./params";
import { describeError, evaluateScenario, type AnyScenario } from "./scenario-module";
import type { Shared } from "./api";
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
} from "./protocol";

interface PreparedRun {
  readonly scenario: AnyScenario;
  readonly state: unknown;
  readonly arena: Arena;
  readonly request: PrepareRequest;
}

const now = (): number => performance.timeOrigin + performance.now();

export class Runner implements RunnerApi {
  private prepared: PreparedRun | null = null;

  describe(js: string): Outcome<Description> {
    try {
      const scenario = evaluateScenario(js);
      return { ok: true, value: { params: plainParams(scenario.params) } };
    } catch (thrown) {
      return { ok: false, error: describeError(thrown, "load") };
    }
  }

  prepare(request: PrepareRequest): Outcome<Prepared> {
    this.prepared = null;
    const { workerId } = request;
    let scenario: AnyScenario;
    try {
      scenario = evaluateScenario(request.js);
    } catch (thrown) {
      return { ok: false, error: describeError(thrown, "load", workerId) };
    }
    try {
      const arena = new Arena(request.memory);
      const state = scenario.setup(sharedFactory(arena, workerId, request.init), request.params as never);
      this.prepared = { scenario, state, arena, request };
      return { ok: true, value: { workers: workerCount(scenario, request.params), objects: arena.allocations } };
    } catch (thrown) {
      return { ok: false, error: describeError(thrown, "setup", workerId) };
    }
  }

  async runBody(workers: number): Promise<Outcome<BodyReport>> {
    const { scenario, state, arena, request } = this.mustBePrepared();
    const { workerId, params } = request;
    waitAtStartGate(arena.words, workers);
    const startedAt = now();
    try {
      await scenario.worker(state, { id: workerId, name: workerName(workerId), workers, params: params as never });
      return { ok: true, value: { startedAt, finishedAt: now() } };
    } catch (thrown) {
      return { ok: false, error: describeError(thrown, "worker", workerId) };
    }
  }

  finish(goals: readonly GoalCheck[]): Outcome<Finish> {
    const { scenario, state, request } = this.mustBePrepared();
    let result: unknown;
    try {
      result = structuredClone(scenario.result(state, request.params as never));
    } catch (thrown) {
      return { ok: false, error: describeError(thrown, "result", request.workerId) };
    }
    return { ok: true, value: { result, goals: goals.map((goal) => checkGoal(goal, result, request.params)) } };
  }

  private mustBePrepared(): PreparedRun {
    if (this.prepared === null) throw new Error("Runner used before prepare(): this is an engine bug.");
    return this.prepared;
  }
}

/** How many workers a scenario asks for with these parameters. */
export function workerCount(scenario: AnyScenario, params: Readonly<Record<string, ParamValue>>): number {
  const declared = scenario.workers;
  const count = typeof declared === "function" ? declared(params as never) : (declared ?? params.workers ?? 2);
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
    throw new Error(`The scenario asked for ${String(count)} workers; it needs a whole number of at least 1.`);
  }
  return count;
}

function sharedFactory(arena: Arena, workerId: number, init: boolean): Shared {
  return {
    int: (name, initial = 0) => SharedInt.allocate(arena, name, initial, init),
    lock: (name) => Mutex.allocate(arena, name, workerId),
  };
}

function checkGoal(goal: GoalCheck, result: unknown, params: unknown): GoalOutcome {
  try {
    const predicate = new Function("result", "params", `return (${goal.check});`) as (r: unknown, p: unknown) => unknown;
    return { id: goal.id, passed: Boolean(predicate(result, params)) };
  } catch (thrown) {
    return { id: goal.id, passed: false, error: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}

/** Parameter specs as plain data (they cross to the page), each checked for sense. */
function plainParams(specs: ParamSpecs): ParamSpecs {
  const plain = structuredClone(specs);
  for (const [name, spec] of Object.entries(plain)) {
    const problem = checkParam(name, spec, spec.default);
    if (problem !== null) throw new Error(`Parameter "${name}" has a bad default: ${problem}`);
  }
  return plain;
}
