/**
 * Monaco's modules as the editor imports them (the files of app/ui/editor/
 * that vite.config.ts names), for the dev server's pre-bundling
 * (`optimizeDeps.include`): read from those files, so that a feature added
 * there is pre-bundled too, rather than found late and the page reloaded.
 * Workers (`?worker`) are Vite's to build and are left out.
 */
import { readFileSync } from "node:fs";

const MONACO_IMPORT = /^import (?:[^"]+ from )?"(monaco-editor\/[^"?]+)";$/gm;

export function monacoDevDeps(files: readonly string[]): string[] {
  return [...new Set(files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(MONACO_IMPORT)].map((match) => match[1]!)))];
}
