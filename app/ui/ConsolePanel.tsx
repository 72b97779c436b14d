import type { BodyReport } from "../runtime/protocol";
import { workerName } from "../runtime/protocol";
import { MAX_LINES } from "../runtime/console-capture";

/** What the run's workers wrote to the console, each line marked with its worker; shown only when they wrote something. */
export function ConsolePanel({ workers }: { workers: readonly BodyReport[] }) {
  const lines = workers.flatMap((report, id) => report.console.lines.map((line) => `${workerName(id)}: ${line}`));
  const dropped = workers.reduce((sum, report) => sum + report.console.dropped, 0);
  if (lines.length === 0 && dropped === 0) return null;
  return (
    <section className="console" data-testid="console">
      <h3>Console</h3>
      <pre data-testid="console-lines">{lines.join("\n")}</pre>
      {dropped > 0 && (
        <p className="console-dropped" data-testid="console-dropped">
          {dropped.toLocaleString("en")} more {dropped === 1 ? "line was" : "lines were"} not kept: the console keeps each worker's first {MAX_LINES} lines of a run.
        </p>
      )}
    </section>
  );
}
