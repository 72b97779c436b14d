/**
 * The scenario editor (Monaco). Loaded lazily: import it with React.lazy.
 * Markers passed in (compile and runtime errors) are
 * shown on their lines until the next edit; the editor reports TypeScript's
 * own errors back so the page can mention them.
 */
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import { monaco } from "./monaco-setup";
import { useMessages } from "../messages/messages";
import { mountScenarioTypes } from "./scenario-types";
import { languageFeaturesLoaded, loadLanguageFeatures } from "./language-features";
import { editorShown } from "../editor-shown";

export interface LineMarker {
  readonly line: number;
  readonly column?: number;
  readonly message: string;
}

export interface TypeProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** TypeScript's syntax errors have codes 1000 to 1999; the rest are type errors. */
  readonly syntax: boolean;
}

export interface StepLine {
  readonly worker: number;
  readonly line: number;
}

/** What the page may do to the editor from outside: a skip link moves the focus into it. */
export interface EditorHandle {
  focus(): void;
}

export interface CodeEditorProps {
  readonly ref?: Ref<EditorHandle>;
  readonly value: string;
  /** Identifies the model (one per lesson), e.g. the lesson slug. */
  readonly path: string;
  readonly markers: readonly LineMarker[];
  /** Step mode: the line each worker has stopped at, highlighted in its colour. */
  readonly stepLines?: readonly StepLine[];
  /** While stepping, the code that runs must stay the code shown. */
  readonly readOnly?: boolean;
  onChange(value: string): void;
  onTypeProblems(problems: readonly TypeProblem[]): void;
}

const OWNER = "interleave";

function createEditor(host: HTMLElement, model: monaco.editor.ITextModel, readOnly: boolean, ariaLabel: string): monaco.editor.IStandaloneCodeEditor {
  return monaco.editor.create(host, {
    model,
    readOnly,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    tabSize: 2,
    scrollBeyondLastLine: false,
    // A long line wraps rather than hiding its end past the editor's right edge.
    wordWrap: "on",
    fixedOverflowWidgets: true,
    ariaLabel,
  });
}

/** Resolves once Monaco has drawn an editor made now: it draws in the next animation frame, and this comes just after. */
const afterDrawing = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

export default function CodeEditor(props: CodeEditorProps) {
  const say = useMessages();
  const ariaLabel = say("code.editor");
  const label = useRef(ariaLabel);
  label.current = ariaLabel;
  const host = useRef<HTMLDivElement>(null);
  // State, not a ref: the editor made before the language features came is replaced, and what was put on it is put on its successor.
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef(props);
  latest.current = props;
  useImperativeHandle(props.ref, () => ({ focus: () => editor?.focus() }), [editor]);

  useEffect(() => {
    const uri = monaco.Uri.parse(`file:///lessons/${props.path}/scenario.ts`);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(props.value, "typescript", uri);
    model.setValue(props.value);
    let current = createEditor(host.current!, model, latest.current.readOnly ?? false, label.current);
    setEditor(current);
    let live = true;
    if (!languageFeaturesLoaded()) {
      void afterDrawing()
        .then(loadLanguageFeatures)
        .then(() => {
          if (!live) return;
          // The same model (its text and undo history), cursor, scroll and focus, in an editor with completions and hovers.
          const state = current.saveViewState();
          const focused = current.hasTextFocus();
          current.dispose();
          current = createEditor(host.current!, model, latest.current.readOnly ?? false, label.current);
          current.restoreViewState(state);
          if (focused) current.focus();
          setEditor(current);
        }, console.error);
    }
    void afterDrawing().then(() => {
      editorShown();
      void mountScenarioTypes();
    });
    const edits = model.onDidChangeContent(() => {
      monaco.editor.setModelMarkers(model, OWNER, []);
      latest.current.onChange(model.getValue());
    });
    // Setting our own markers fires this event too: report only real changes, or the page would loop.
    let reported = "[]";
    const markers = monaco.editor.onDidChangeMarkers((uris) => {
      if (!uris.some((u) => u.toString() === uri.toString())) return;
      const problems = monaco.editor
        .getModelMarkers({ resource: uri, owner: "typescript" })
        .filter((m) => m.severity === monaco.MarkerSeverity.Error)
        .map((m) => ({
          line: m.startLineNumber,
          column: m.startColumn,
          message: typeof m.message === "string" ? m.message : String(m.message),
          syntax: /^1\d{3}$/.test(String(typeof m.code === "object" ? m.code?.value : m.code)),
        }));
      if (JSON.stringify(problems) === reported) return;
      reported = JSON.stringify(problems);
      latest.current.onTypeProblems(problems);
    });
    return () => {
      live = false;
      edits.dispose();
      markers.dispose();
      current.dispose();
      model.dispose();
      setEditor(null);
    };
  }, [props.path]);

  // A value from outside (Reset, Solve) replaces the text as one undoable edit.
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === props.value) return;
    editor.pushUndoStop();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: props.value }], () => null);
    editor.pushUndoStop();
  }, [props.value]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      props.markers.map((marker) => {
        const column = marker.column ?? model.getLineFirstNonWhitespaceColumn(marker.line) ?? 1;
        return {
          severity: monaco.MarkerSeverity.Error,
          message: marker.message,
          startLineNumber: marker.line,
          startColumn: Math.max(1, column),
          endLineNumber: marker.line,
          endColumn: model.getLineMaxColumn(Math.min(marker.line, model.getLineCount())),
        };
      }),
    );
    // The markers are the model's: a successor editor shows them already.
  }, [props.markers, editor === null]);

  const stepLines = props.stepLines ?? [];
  const stepKey = stepLines.map((s) => `${s.line}:${s.worker}`).join(",");
  useEffect(() => {
    if (!editor) return;
    const highlights = editor.createDecorationsCollection(
      stepLines
        .filter((s) => s.line > 0)
        .map(({ line, worker }) => ({
          range: new monaco.Range(line, 1, line, 1),
          options: { isWholeLine: true, className: `step-line step-w${worker % 4}`, linesDecorationsClassName: `step-gutter step-w${worker % 4}` },
        })),
    );
    const first = Math.min(...stepLines.map((s) => s.line).filter((line) => line > 0));
    if (Number.isFinite(first)) editor.revealLineInCenterIfOutsideViewport(first);
    return () => highlights.clear();
    // The key stands for the lines: a new array with the same lines changes nothing.
  }, [stepKey, editor]);

  useEffect(() => editor?.updateOptions({ readOnly: props.readOnly ?? false }), [props.readOnly, editor]);
  useEffect(() => editor?.updateOptions({ ariaLabel }), [ariaLabel, editor]);

  return (
    <div
      ref={host}
      className="code-editor"
      data-testid="code-editor"
      data-error-lines={props.markers.map((m) => m.line).join(",")}
      data-step-lines={stepKey}
    />
  );
}
