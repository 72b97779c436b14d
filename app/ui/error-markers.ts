/** Editor markers for a run that failed on a known line (a syntax error, or a throw in a worker), worded in the page's language. */
import type { RunRecord } from "../engine/session";
import type { LineMarker } from "./editor/CodeEditor";
import { workerName } from "../runtime/protocol";
import { uiMessage } from "./messages/messages";

export function errorMarkers(record: RunRecord | null): readonly LineMarker[] {
  const outcome = record?.outcome;
  if (outcome?.status === "refused" && outcome.compile?.line !== undefined) {
    return [{ line: outcome.compile.line, column: outcome.compile.column, message: outcome.compile.message }];
  }
  if (outcome?.status === "error" && outcome.error.line !== undefined) {
    const { name, message, workerId } = outcome.error;
    // Without a worker, the marker is the exception's own line, as Python prints it.
    const said = workerId === undefined ? `${name}: ${message}` : uiMessage("code.workerError", { worker: workerName(workerId), name, message });
    return [{ line: outcome.error.line, message: said }];
  }
  return [];
}
