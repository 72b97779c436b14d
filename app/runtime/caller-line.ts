/**
 * Where in the scenario's source a stack was taken: scenario code is
 * evaluated under `scenario.ts` (scenario-module.ts), so its frames say
 * `scenario.ts:LINE:COL`. Apart from scenario-module.ts, so that what records
 * lines (the turnstile, the event loop) does not import the module that
 * evaluates scenarios, and through it the whole API.
 */
import { SCENARIO_FILE } from "./protocol";

export const SCENARIO_FRAME = new RegExp(`${SCENARIO_FILE.replace(".", "\\.")}:(\\d+):(\\d+)`);

/** The line of scenario code that called into the runtime here, or 0 when no frame names it. */
export function callerLine(): number {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 30;
  const frame = SCENARIO_FRAME.exec(new Error().stack ?? "");
  Error.stackTraceLimit = limit;
  return frame ? Number(frame[1]) : 0;
}
