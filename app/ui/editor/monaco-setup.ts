/**
 * Monaco, configured once for scenario code: its workers (Vite-built), and
 * the TypeScript defaults (the scenario API comes as the package
 * "interleave" once an editor shows, scenario-types.ts, so completion and
 * type errors follow the real runtime).
 * Imported only by the lazily loaded editor: Monaco never delays first paint.
 *
 * The page edits TypeScript and colours the Python reference, nothing else:
 * the editor's API comes without `editor.main`'s eighty languages and its
 * CSS, HTML and JSON services and workers, and with the features of
 * monaco-features.ts only, all imported before the first editor is made.
 */
import * as monaco from "monaco-editor/editor";
import "./monaco-features";
import "monaco-editor/languages/definitions/typescript/register";
import "monaco-editor/languages/definitions/python/register";
import * as ts from "monaco-editor/languages/features/typescript/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TypeScriptWorker from "monaco-editor/language/typescript/ts.worker?worker";

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === "typescript" || label === "javascript" ? new TypeScriptWorker() : new EditorWorker()),
};

ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
});
ts.typescriptDefaults.setEagerModelSync(true);

export { monaco };
