/**
 * The editor's language features (language-contributions.ts), loaded just
 * after the first editor has drawn its lines rather than before: they are
 * about a seventh of the editor's code, and what they show comes from
 * TypeScript's worker, which starts later still. Their services were
 * registered with the editor's (monaco-features.ts), so an editor made
 * before they came lacks only their contributions: CodeEditor.tsx makes it
 * again, where it was.
 */
import { monaco } from "./monaco-setup";

let loaded = false;
let loading: Promise<void> | undefined;

/** Whether an editor made now has the language features. */
export const languageFeaturesLoaded = (): boolean => loaded;

export function loadLanguageFeatures(): Promise<void> {
  loading ??= import("./language-contributions").then(
    () => {
      loaded = true;
      // Their keys (Ctrl+Space, Enter to accept a completion) join the keybindings, which the editor may have read already.
      monaco.editor.addKeybindingRules([]);
    },
    (error: unknown) => {
      // A chunk that failed to arrive is asked for again by the next editor.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
