/**
 * Errors that scenario code can cause by misusing the runtime. Each names the
 * object involved; the runner adds the worker and the line.
 */
export class ScenarioUsageError extends Error {
  override name = "ScenarioUsageError";
}

/** Validates a timeout argument in seconds (Python's convention). */
export function checkTimeout(owner: string, timeout: number | undefined): void {
  if (timeout === undefined) return;
  if (typeof timeout !== "number" || Number.isNaN(timeout) || timeout < 0) {
    throw new ScenarioUsageError(
      `${owner}: timeout must be a number of seconds >= 0, or omitted to wait forever; got ${String(timeout)}.`,
    );
  }
}
