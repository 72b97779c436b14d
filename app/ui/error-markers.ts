/** Editor markers for a run that failed on a known line (a syntax error, or a throw in a worker). */
import type { RunRecord } from "../engine/session";
import type { LineMarker } from "./editor/CodeEditor";
import { workerName } from "../runtime/protocol";

export function errorMarkers(record: RunRecord | null): readonly LineMarker[] {
  const outcome = record?.outcome;
  if (outcome?.status === "refused" && outcome.compile?.line !== undefined) {
    return [{ line: outcome.compile.line, column: outcome.compile.column, message: outcome.compile.message }];
  }
  if (outcome?.status === "error" && outcome.error.line !== undefined) {
    const who = outcome.error.workerId === undefined ? "" : `Worker ${workerName(outcome.error.workerId)}: `;
    return [{ line: outcome.error.line, message: `${who}${outcome.error.name}: ${outcome.error.message}` }];
  }
  return [];
}
