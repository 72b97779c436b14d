/**
 * The harness of the primitives' tests: whole runs of a scenario on real
 * Node workers (the runner, the start gate and the pool are the harness),
 * each under a time limit, so that a regression that deadlocks or loses a
 * wake-up fails its test instead of hanging it.
 */
import { afterAll, expect } from "vitest";
import { compileScenario } from "../../engine/compile";
import { createNodePool } from "../../engine/node-pool";
import { startRun, type RunOutcome } from "../../engine/run";
import type { ScenarioErrorInfo } from "../protocol";
import type { Shared } from "../api";
import { configureGil } from "../gil";
import { Arena, createRunMemory } from "../memory";
import { sharedFactory } from "../runner";
import { Thread } from "../thread";
import { now } from "../trace";

/** Well under vitest's 30 s test timeout, so a stuck run ends as "stopped" and the test says so. */
export const TIME_LIMIT_MS = 12_000;

/**
 * A scenario's parts as source text. It imports `defineScenario`, `param`
 * and the error classes, and defines `attempt(f)`: what `f` threw, as
 * "Name: message", or "returned" (to check many misuses in one run).
 */
export interface ScenarioParts {
  /** `(shared, params) => state` */
  readonly setup: string;
  /** `(state, context) => void` */
  readonly worker: string;
  /** `(state, params) => result`, run by worker 0 after every body ended; null when omitted. */
  readonly result?: string;
  readonly workers?: number;
  /** The interpreter mode ("gil", "free-threaded" or "processes"); free-threaded when omitted. */
  readonly mode?: string;
  /** The scenario's one parameter, `params.n`. */
  readonly n?: number;
  readonly timeLimitMs?: number;
}

export function scenarioSource({ setup, worker, result = "() => null", workers = 4, mode = "free-threaded" }: ScenarioParts): string {
  return `import { defineScenario, param, BrokenBarrierError, Full, Empty } from "interleave";
const attempt = (f) => { try { f(); return "returned"; } catch (e) { return e.name + ": " + e.message; } };
export default defineScenario({
  params: { n: param.int({ default: 1, min: 0, max: 1e7 }) },
  workers: ${workers},
  interpreter: () => ({ mode: "${mode}", switchIntervalMs: 1 }),
  setup: ${setup},
  worker: ${worker},
  result: ${result},
});`;
}

/**
 * Runs scenarios on a pool of Node workers kept for the test file and closed
 * after it. The pool stays 4 warm: a run that ends in an error discards its
 * workers, and their replacements start while other tests run.
 */
export function scenarioRunner(): (parts: ScenarioParts) => Promise<RunOutcome> {
  const pool = createNodePool(4);
  afterAll(() => pool.close());
  return (parts) => {
    const compiled = compileScenario(scenarioSource(parts));
    if (!compiled.ok) throw new Error(`The test scenario does not compile: ${compiled.error.message}`);
    return startRun(pool, { js: compiled.js, params: { n: parts.n ?? 1 }, goals: [], timeLimitMs: parts.timeLimitMs ?? TIME_LIMIT_MS }).outcome;
  };
}

/** The run's result; any other outcome fails the test with what happened. */
export function resultOf(outcome: RunOutcome): unknown {
  if (outcome.status !== "done") throw new Error(`The run did not finish: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

/** The run's error; any other outcome fails the test with what happened. */
export function errorOf(outcome: RunOutcome): ScenarioErrorInfo {
  if (outcome.status !== "error") throw new Error(`The run did not fail: ${JSON.stringify(outcome)}`);
  return outcome.error;
}

/**
 * Expects the run to end with a misuse error (a ScenarioUsageError unless
 * `name` says otherwise) from `workerId` at the source line containing
 * `fragment` (the runner's error names worker and line).
 */
export function expectMisuse(outcome: RunOutcome, parts: ScenarioParts, fragment: string, workerId: number, message: RegExp, name = "ScenarioUsageError"): void {
  const error = errorOf(outcome);
  const lines = scenarioSource(parts).split("\n");
  const line = lines.findIndex((l) => l.includes(fragment)) + 1;
  expect(line, `no line contains ${fragment}`).toBeGreaterThan(0);
  expect(error).toMatchObject({ name, phase: "worker", workerId, line });
  expect(error.message).toMatch(message);
}

/**
 * Shared objects made on this thread, as worker 0 of a free-threaded run, for
 * tests that call them directly: the calls must be arranged not to block.
 */
export function localShared(): { shared: Shared; arena: Arena } {
  const arena = new Arena(createRunMemory({ traceCapacity: 16, arenaBytes: 1 << 16 }));
  configureGil(arena.words, "free-threaded");
  return { shared: sharedFactory(new Thread(arena, 0), arena, true, now()), arena };
}
