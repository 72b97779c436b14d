/**
 * Asks a runner what a scenario declares (its parameters), without running
 * it. The scenario's top-level code runs here, so it gets a short time limit:
 * a module that loops forever is reported, and its worker replaced. The limit
 * starts once the worker answers, so that a cold worker's start (seconds on
 * a loaded machine) is not blamed on the scenario.
 */
import type { Description, Outcome, ScenarioErrorInfo } from "../runtime/protocol";
import type { WorkerPool } from "./pool";
import { language } from "../runtime/i18n/i18n";
import { engineMessage } from "./messages/message";

export const DESCRIBE_TIME_LIMIT_MS = 3000;
/** A worker that has not started in this long will not: its start failed. */
const START_LIMIT_MS = 30_000;

export async function describeScenario(pool: WorkerPool, js: string, timeLimitMs = DESCRIBE_TIME_LIMIT_MS): Promise<Outcome<Description>> {
  const [handle] = pool.take(1);
  if (!handle) throw new Error("The worker pool gave no runner.");
  let died = false;
  const crashed = (error: ScenarioErrorInfo): Outcome<Description> => {
    died = true;
    return { ok: false, error };
  };
  const started = await within(handle.crash.race(handle.runner.ping(), crashed), START_LIMIT_MS);
  const outcome = started === true ? await within(handle.crash.race<Outcome<Description>, Outcome<Description>>(handle.runner.describe(js, language()), crashed), timeLimitMs) : started;
  if (outcome === null || died) pool.discard([handle]);
  else pool.give([handle]);
  if (started === null) {
    return { ok: false, error: { name: "TimeoutError", phase: "load", message: engineMessage("describe.workerNotStarted", { seconds: START_LIMIT_MS / 1000 }) } };
  }
  if (outcome === null) {
    const seconds = timeLimitMs / 1000;
    return {
      ok: false,
      error: { name: "TimeoutError", phase: "load", message: engineMessage("describe.topLevelTooLong", { seconds }) },
    };
  }
  return outcome;
}

/** `promise`'s value, or null once `ms` have passed. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
