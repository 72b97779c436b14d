const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const runKey = isMac ? "⌘↵" : "Ctrl+Enter";

import type { Ref } from "react";
import { useMessages } from "./messages/messages";

interface RunBarProps {
  readonly ref?: Ref<HTMLDivElement>;
  readonly running: boolean;
  onRun(): void;
  onStop(): void;
  onReset(): void;
  /** Absent when there is no solution to show (the playground). */
  onSolve?: () => void;
  /** Brings back the code the student had before Solve; absent when there is none to bring back. */
  onOwnCode?: () => void;
}

export function RunBar({ ref, running, onRun, onStop, onReset, onSolve, onOwnCode }: RunBarProps) {
  const say = useMessages();
  return (
    <div className="run-bar" ref={ref}>
      <button className="primary" onClick={onRun} disabled={running} data-testid="run-button" title={say("run.runTitle", { key: runKey })}>
        {say("run.run")} <kbd>{runKey}</kbd>
      </button>
      <button onClick={onStop} disabled={!running} data-testid="stop-button" title={say("run.stopTitle")}>
        {say("run.stop")} <kbd>Esc</kbd>
      </button>
      <button onClick={onReset} disabled={running} data-testid="reset-button" title={say("run.resetCodeTitle")}>
        {say("run.resetCode")}
      </button>
      {onSolve && (
        <button onClick={onSolve} disabled={running} data-testid="solve-button" title={say("run.solveTitle")}>
          {say("run.solve")}
        </button>
      )}
      {onOwnCode && (
        <button onClick={onOwnCode} disabled={running} data-testid="own-code-button" title={say("run.ownCodeTitle")}>
          {say("run.ownCode")}
        </button>
      )}
      <small className="key-hint">{say("run.keyHint")}</small>
    </div>
  );
}
