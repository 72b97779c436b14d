import { memo, useCallback, useState } from "react";
import type { LiveLine } from "../engine/run";
import type { RunRecord, Session } from "../engine/session";
import type { ConsoleOutput } from "../runtime/console-capture";
import { MAX_LINES } from "../runtime/console-capture";
import { workerName } from "../runtime/protocol";
import { FocusablePre } from "./FocusablePre";
import { useLiveRefresh } from "./live-refresh";
import { useMessages } from "./messages/messages";

/**
 * What the run's workers wrote to the console, each line marked with its
 * worker; shown only when they wrote something. While a run goes on, its
 * lines as they come; a run that was stopped or stuck shows them too.
 */
export const ConsolePanel = memo(function ConsolePanel({ session, running, last }: { session: Session; running: boolean; last: RunRecord | null }) {
  // The lines are read at each render, never kept in state: a new run must not show the last run's until its first refresh.
  // Only their count is state, so that a refresh with no new line renders nothing.
  const [, setCount] = useState(0);
  useLiveRefresh(running, useCallback(() => setCount(session.liveConsole().length), [session]));
  if (running) return <Lines lines={session.liveConsole().map(marked)} dropped={0} live />;
  if (last === null) return null;
  const outputs = consoleOf(last.outcome);
  if (outputs === null) return <Lines lines={(last.consoleLines ?? []).map(marked)} dropped={0} />;
  const lines = outputs.flatMap(({ worker, output }) => output.lines.map((line) => marked({ worker, line })));
  return <Lines lines={lines} dropped={outputs.reduce((sum, { output }) => sum + output.dropped, 0)} />;
});

function Lines({ lines, dropped, live = false }: { lines: readonly string[]; dropped: number; live?: boolean }) {
  const say = useMessages();
  if (lines.length === 0 && dropped === 0) return null;
  return (
    <section className="console" data-testid="console" data-live={live}>
      <h2>{say(live ? "panel.consoleLive" : "panel.console")}</h2>
      <FocusablePre label={say("panel.consoleOutput")} data-testid="console-lines">
        {lines.join("\n")}
      </FocusablePre>
      {dropped > 0 && (
        <p className="console-dropped" data-testid="console-dropped">
          {say("panel.consoleDropped", { count: dropped, max: MAX_LINES })}
        </p>
      )}
    </section>
  );
}

const marked = ({ worker, line }: LiveLine) => `${workerName(worker)}: ${line}`;

/** The workers' reports of a finished run; of a failed one, the failing worker's; null when the run reported none (stopped, stuck). */
function consoleOf(outcome: RunRecord["outcome"]): { readonly worker: number; readonly output: ConsoleOutput }[] | null {
  if (outcome.status === "done") return outcome.workers.map((report, worker) => ({ worker, output: report.console }));
  if (outcome.status === "error" && outcome.error.console) return [{ worker: outcome.error.workerId ?? 0, output: outcome.error.console }];
  return null;
}
