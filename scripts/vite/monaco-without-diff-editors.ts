/**
 * Leaves Monaco's diff editor and multi-diff editor out of the build (Monaco
 * 0.57): `vs/editor/browser/widget/diffEditor/diffEditorWidget.js` and
 * `vs/editor/browser/widget/multiDiffEditor/multiDiffEditorWidget.js` each
 * become one class whose constructor throws ("the diff editor is left out of
 * this build").
 *
 * Why: the page never shows a diff, yet the editor API it imports reaches
 * both (`editor.api.js` -> standaloneEditor.js, for `createDiffEditor` and
 * `createMultiFileDiffEditor`), and through them everything under
 * `widget/diffEditor/` and `widget/multiDiffEditor/`: 176 KB of the editor's
 * minified JavaScript (42 KB gzipped, 6% of Monaco's four chunks) and 32 KB
 * of its CSS, which the browser downloads, parses and runs before the
 * student can type.
 *
 * Each stand-in exports what its importers import, no more: the class, as
 * standaloneCodeEditor.js extends `DiffEditorWidget` when it loads
 * (`StandaloneDiffEditor2`). Only `createDiffEditor` and
 * `createMultiFileDiffEditor` construct them, and the page calls neither. No
 * other module the page loads imports from those two folders, and the diff
 * editor's service (`IDiffProviderFactoryService`) is asked for by nothing
 * else; `IActionViewItemService`, which came with their toolbars, now comes
 * with the language features, and nothing the page loads asks for it
 * (app/ui/editor/language-features.test.ts). The line diff computers
 * (`editor/common/diff/`) stay: the editor worker service's fallback, the
 * worker run on the page when no worker starts, computes with them, and the
 * tree widget uses `base/common/diff`.
 *
 * Applied like monaco-worker-imports.ts (monaco-patches.ts): to the build (`transform`) and to
 * the dev server's pre-bundling. A target that no longer exports the class
 * it stands for fails the build rather than leaving an importer without it.
 */
import type { MonacoPatch } from "./monaco-patch.ts";

const TARGET = /monaco-editor[\\/]esm[\\/]vs[\\/]editor[\\/]browser[\\/]widget[\\/](?:diffEditor[\\/](diffEditorWidget)|multiDiffEditor[\\/](multiDiffEditorWidget))\.js$/;

/** The stand-in for a diff editor's module (its code, to check it), or undefined for any other module. */
export function diffEditorStandIn(id: string, code: string): string | undefined {
  const match = TARGET.exec(id);
  if (!match) return undefined;
  const file = (match[1] ?? match[2])!;
  const name = file[0]!.toUpperCase() + file.slice(1);
  if (!new RegExp(`^export \\{[^}]*\\b${name}\\b[^}]*\\};?$`, "m").test(code)) {
    throw new Error(`monaco-without-diff-editors: ${id} no longer exports ${name}; check it and its importers against the Monaco in node_modules`);
  }
  const message = `Monaco's ${name}: the diff editor is left out of this build (scripts/vite/monaco-without-diff-editors.ts)`;
  return `export class ${name} {\n\tconstructor() {\n\t\tthrow new Error(${JSON.stringify(message)});\n\t}\n}\n`;
}

export const monacoWithoutDiffEditors: MonacoPatch = { name: "monaco-without-diff-editors", target: TARGET, patch: (code, id) => diffEditorStandIn(id, code)! };
