import { useEffect, useState } from "react";
import { outOfMemoryHint } from "../engine/out-of-memory";
import { endedRuns, type EndedRun } from "./run-in-progress";
import { useMessages } from "./messages/messages";

/** Says, on the next page, that a run ended the page it ran on (run-in-progress.ts), and that the code was kept. */
export function EndedRunNotice() {
  const say = useMessages();
  const [ended, setEnded] = useState<readonly EndedRun[] | null>(null);
  useEffect(() => {
    let live = true;
    void endedRuns().then((runs) => live && setEnded(runs));
    return () => void (live = false);
  }, []);
  // The other tabs have answered and none ended under a run: said in the page, so that a test can wait for it rather than guess.
  if (ended?.length === 0) return <span hidden data-testid="ended-runs-checked" />;
  if (ended === null) return null;
  const last = ended[ended.length - 1]!;
  return (
    <div className="notice warn" role="alert" data-testid="ended-run-notice">
      <p>{say("page.endedRun", { title: last.title, hint: outOfMemoryHint() })}</p>
      <button onClick={() => setEnded([])}>{say("page.dismiss")}</button>
    </div>
  );
}
