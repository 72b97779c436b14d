/**
 * Evaluates compiled scenario code inside a worker and returns its default
 * export. The code is wrapped on its first line (so line numbers stay those
 * of the editor) and named with a sourceURL (so stack frames say
 * `scenario.ts:LINE:COL`).
 */
import { resetBufferCount } from "./buffer-cap";
import * as api from "./api";
import { SCENARIO_FILE, type Phase, type ScenarioErrorInfo } from "./protocol";
import type { ParamSpecs } from "./params";
import type { Scenario } from "./api";
import { BREAKER, insertEvalBreakers } from "./insert-eval-breakers";
import { breakers, type Breakers } from "./eval-breaker";
import { SCENARIO_FRAME } from "./caller-line";
import { runtimeMessage } from "./messages/message";

export type AnyScenario = Scenario<ParamSpecs, unknown, unknown>;

const MODULES: Readonly<Record<string, unknown>> = { interleave: api };

export function evaluateScenario(js: string): AnyScenario {
  return scenarioModule(js, false)();
}

/**
 * Compiles the module once, with CPython's eval-breaker points put in (and,
 * for a gated run, its loops followed); each call runs its body again, so
 * that the scenario's own top-level variables start afresh (explore's epochs).
 */
export function scenarioModule(js: string, gated: boolean): () => AnyScenario {
  const source = `(function (exports, require, ${BREAKER}) {${instrumented(js, gated)}\n})\n//# sourceURL=${SCENARIO_FILE}`;
  type Factory = (exports: Record<string, unknown>, require: (name: string) => unknown, breakers: Breakers) => void;
  const factory = (0, eval)(source) as Factory;
  return () => {
    // Each evaluation is a run of its own (a describe, a free run, each of Explore's schedules): its buffers count afresh.
    resetBufferCount();
    const exports: Record<string, unknown> = {};
    factory(exports, requireModule, breakers);
    return checkScenario(exports.default);
  };
}

function instrumented(js: string, gated: boolean): string {
  try {
    return insertEvalBreakers(js, gated);
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    throw new SyntaxError(runtimeMessage("scenario.unreadable", { problem: message }));
  }
}

function requireModule(name: string): unknown {
  const module = MODULES[name];
  if (module === undefined) {
    throw new Error(runtimeMessage("scenario.importOnly", { name }));
  }
  return module;
}

function checkScenario(value: unknown): AnyScenario {
  if (value === undefined) {
    throw new Error(runtimeMessage("scenario.noDefault"));
  }
  const s = value as Partial<AnyScenario>;
  for (const key of ["setup", "worker", "result"] as const) {
    if (typeof s[key] !== "function") {
      throw new Error(runtimeMessage("scenario.noFunction", { key }));
    }
  }
  if (typeof s.params !== "object" || s.params === null) {
    throw new Error(runtimeMessage("scenario.noParams"));
  }
  return s as AnyScenario;
}

/** Turns anything thrown into a plain error value that names where it happened. */
export function describeError(thrown: unknown, phase: Phase, workerId?: number): ScenarioErrorInfo {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const frame = SCENARIO_FRAME.exec(error.stack ?? "");
  return {
    name: error.name,
    message: error.message,
    phase,
    workerId,
    line: frame ? Number(frame[1]) : undefined,
    column: frame ? Number(frame[2]) : undefined,
  };
}
