/**
 * Asks a runner what a scenario declares (its parameters), without running
 * it. The scenario's top-level code runs here, so it gets a short time limit:
 * a module that loops forever is reported, and its worker replaced.
 */
import type { Description, Outcome } from "../runtime/protocol";
import type { WorkerPool } from "./pool";

export const DESCRIBE_TIME_LIMIT_MS = 3000;

export async function describeScenario(pool: WorkerPool, js: string, timeLimitMs = DESCRIBE_TIME_LIMIT_MS): Promise<Outcome<Description>> {
  const [handle] = pool.take(1);
  if (!handle) throw new Error("The worker pool gave no runner.");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeLimitMs)));
  let died = false;
  const crash = handle.crashed.then((error): Outcome<Description> => {
    died = true;
    return { ok: false, error };
  });
  const outcome = await Promise.race([handle.runner.describe(js), crash, timedOut]);
  clearTimeout(timer);
  if (outcome === null || died) pool.discard([handle]);
  else pool.give([handle]);
  if (outcome === null) {
    const seconds = timeLimitMs / 1000;
    return {
      ok: false,
      error: { name: "TimeoutError", phase: "load", message: `The scenario's top-level code did not finish within ${seconds} s. Move loops into the worker body.` },
    };
  }
  return outcome;
}
