const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const runKey = isMac ? "⌘↵" : "Ctrl+Enter";

import type { Ref } from "react";

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
  return (
    <div className="run-bar" ref={ref}>
      <button className="primary" onClick={onRun} disabled={running} data-testid="run-button" title={`Run (${runKey})`}>
        Run <kbd>{runKey}</kbd>
      </button>
      <button onClick={onStop} disabled={!running} data-testid="stop-button" title="Stop (Esc)">
        Stop <kbd>Esc</kbd>
      </button>
      <button onClick={onReset} disabled={running} data-testid="reset-button" title="Restore the lesson's starter code">
        Reset code
      </button>
      {onSolve && (
        <button onClick={onSolve} disabled={running} data-testid="solve-button" title="Show the lesson's solution in the editor">
          Solve
        </button>
      )}
      {onOwnCode && (
        <button onClick={onOwnCode} disabled={running} data-testid="own-code-button" title="Bring back the code you had before Solve">
          Back to my code
        </button>
      )}
      <small className="key-hint">In the editor, Tab indents; press Ctrl+M first to Tab out of it.</small>
    </div>
  );
}
