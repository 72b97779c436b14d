/**
 * Every patch the build makes to Monaco: the plugins for the build and the
 * dev server's pre-bundle (vite.config.ts), and a module's text as the
 * build has it, for tests that follow Monaco's imports
 * (app/ui/editor/language-features.test.ts).
 */
import type { Plugin } from "vite";
import { monacoPatchPlugin } from "./monaco-patch.ts";
import { monacoWorkerImports } from "./monaco-worker-imports.ts";
import { monacoWithoutDiffEditors } from "./monaco-without-diff-editors.ts";

const PATCHES = [monacoWorkerImports, monacoWithoutDiffEditors];

export const monacoPatches = (): Plugin[] => PATCHES.map(monacoPatchPlugin);

/** The module `id`'s text `code` as the build has it. */
export function asBuilt(id: string, code: string): string {
  const patch = PATCHES.find(({ target }) => target.test(id));
  return patch ? patch.patch(code, id) : code;
}
