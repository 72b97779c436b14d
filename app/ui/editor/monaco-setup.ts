/**
 * Monaco, configured once for scenario code: its workers (Vite-built), and
 * the TypeScript defaults with the scenario API mounted as the package
 * "interleave", so completion and type errors follow the real runtime.
 * Imported only by the lazily loaded editor: Monaco never delays first paint.
 */
import * as monaco from "monaco-editor/editor/editor.main";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TypeScriptWorker from "monaco-editor/language/typescript/ts.worker?worker";
import scenarioTypes from "virtual:scenario-types";

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === "typescript" || label === "javascript" ? new TypeScriptWorker() : new EditorWorker()),
};

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
});
ts.typescriptDefaults.setEagerModelSync(true);
for (const [file, text] of Object.entries(scenarioTypes)) {
  ts.typescriptDefaults.addExtraLib(text, `file:///node_modules/interleave/${file}`);
}

export { monaco };
