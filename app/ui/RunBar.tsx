const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const runKey = isMac ? "⌘↵" : "Ctrl+Enter";

export function RunBar({ running, onRun, onStop, onReset }: { running: boolean; onRun(): void; onStop(): void; onReset(): void }) {
  return (
    <div className="run-bar">
      <button className="primary" onClick={onRun} disabled={running} data-testid="run-button" title={`Run (${runKey})`}>
        Run <kbd>{runKey}</kbd>
      </button>
      <button onClick={onStop} disabled={!running} data-testid="stop-button" title="Stop (Esc)">
        Stop <kbd>Esc</kbd>
      </button>
      <button onClick={onReset} disabled={running} data-testid="reset-button" title="Restore the lesson's starter code">
        Reset code
      </button>
      <small className="key-hint">In the editor, Tab indents; press Ctrl+M first to Tab out of it.</small>
    </div>
  );
}
