import type { RunRecord } from "../engine/session";
import type { ConsoleOutput } from "../runtime/console-capture";
import { MAX_LINES } from "../runtime/console-capture";
import { workerName } from "../runtime/protocol";
import { FocusablePre } from "./FocusablePre";

/** What the run's workers wrote to the console, each line marked with its worker; shown only when they wrote something. */
export function ConsolePanel({ outcome }: { outcome: RunRecord["outcome"] }) {
  const outputs = consoleOf(outcome);
  const lines = outputs.flatMap(({ worker, output }) => output.lines.map((line) => `${workerName(worker)}: ${line}`));
  const dropped = outputs.reduce((sum, { output }) => sum + output.dropped, 0);
  if (lines.length === 0 && dropped === 0) return null;
  return (
    <section className="console" data-testid="console">
      <h2>Console</h2>
      <FocusablePre label="Console output" data-testid="console-lines">
        {lines.join("\n")}
      </FocusablePre>
      {dropped > 0 && (
        <p className="console-dropped" data-testid="console-dropped">
          {dropped.toLocaleString("en")} more {dropped === 1 ? "line was" : "lines were"} not kept: the console keeps each worker's first {MAX_LINES} lines of a run.
        </p>
      )}
    </section>
  );
}

/** Every worker's output of a finished run; of a failed one, the failing worker's. */
function consoleOf(outcome: RunRecord["outcome"]): { readonly worker: number; readonly output: ConsoleOutput }[] {
  if (outcome.status === "done") return outcome.workers.map((report, worker) => ({ worker, output: report.console }));
  if (outcome.status === "error" && outcome.error.console) return [{ worker: outcome.error.workerId ?? 0, output: outcome.error.console }];
  return [];
}
