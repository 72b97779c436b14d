/**
 * Which scenarios were declared in asyncio mode, with their declaration:
 * step mode and Explore run an asyncio scenario's `main` on a loop of their
 * own (task-schedule.ts) rather than through its worker body. Apart from
 * api.ts, whose exports are the editor's contract with lesson authors.
 */
import type { AsyncScenario, Scenario } from "../api";
import type { ParamSpecs } from "../params";
import type { ExecutorChannel } from "./executor";

/** The state an asyncio scenario's workers share: the tasks' own, and the executor's queues when it has a pool. */
export interface AsyncState<S> {
  readonly tasks: S;
  readonly channel: ExecutorChannel | null;
}

type AnyAsync = AsyncScenario<ParamSpecs, unknown, unknown>;

const declared = new WeakMap<object, AnyAsync>();

export function registerAsyncScenario(scenario: Scenario<ParamSpecs, unknown, unknown>, declaration: AnyAsync): void {
  declared.set(scenario, declaration);
}

/** The asyncio declaration behind `scenario`, or null for a scenario of threads or processes. */
export function asyncScenarioOf(scenario: object): AnyAsync | null {
  return declared.get(scenario) ?? null;
}
