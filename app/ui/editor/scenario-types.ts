/**
 * The scenario API's declarations (scripts/vite/scenario-types.ts), mounted
 * for TypeScript's worker as the package "interleave". They are a chunk of
 * their own, asked for once the first editor has drawn its lines, not
 * before: only the worker reads them, and it takes longer than that to
 * start; declarations that come after it has started are sent to it, and
 * its diagnostics computed again.
 */
import { typescriptDefaults } from "monaco-editor/languages/features/typescript/register";

let mounted: Promise<void> | undefined;

export function mountScenarioTypes(): Promise<void> {
  mounted ??= import("virtual:scenario-types").then(
    ({ default: files }) => typescriptDefaults.setExtraLibs(Object.entries(files).map(([file, content]) => ({ content, filePath: `file:///node_modules/interleave/${file}` }))),
    (error: unknown) => {
      // A chunk that failed to arrive is asked for again by the next editor.
      mounted = undefined;
      console.error(error);
    },
  );
  return mounted;
}
