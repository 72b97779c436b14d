/**
 * Patches `monaco-editor/esm/vs/internal/common/workers.js` (Monaco 0.57):
 * drops its side-effect imports, the seventy-odd editor contributions from
 * `import '../../editor/contrib/...'` lines, and keeps what it exports
 * (`createWebWorker`, on the `editor` it imports by name).
 *
 * Why: the TypeScript language support reaches that module (its
 * `workerManager.js`), so without the patch every editor feature comes with
 * it, whatever the page chose (app/ui/editor/monaco-features.ts). Worse,
 * they come late: TypeScript's mode loads after the first editor exists, and
 * a feature registered then has its services missing from the next editor
 * ("depends on UNKNOWN service ICodeLensCache"). With the patch, the editor
 * has exactly the features the page imports before creating one.
 *
 * Applied (monaco-patches.ts) to the build (`transform`) and to the dev server's pre-bundling
 * (`optimizeDeps.rolldownOptions.plugins`, which bypasses `transform`). A
 * file that no longer looks as described fails the build rather than
 * quietly bringing every feature back.
 */
import type { MonacoPatch } from "./monaco-patch.ts";

const TARGET = /monaco-editor[\\/]esm[\\/]vs[\\/]internal[\\/]common[\\/]workers\.js$/;
const SIDE_EFFECT_IMPORT = /^import '[^']+';\r?\n/gm;
const KEPT_IMPORT = /^import \{ editor \} from '[^']+editor\.api\.js';$/m;

/** The module's text without its side-effect imports; throws if it has none, or lost what it exports. */
export function withoutSideEffectImports(code: string): string {
  const dropped = code.match(SIDE_EFFECT_IMPORT)?.length ?? 0;
  const patched = code.replace(SIDE_EFFECT_IMPORT, "");
  if (dropped < 10 || !KEPT_IMPORT.test(patched) || !/export \{ createWebWorker \}/.test(patched)) {
    throw new Error(`monaco-worker-imports: ${TARGET.source} no longer looks as this patch expects (side-effect imports: ${dropped}); check it against the Monaco in node_modules`);
  }
  return patched;
}

export const monacoWorkerImports: MonacoPatch = { name: "monaco-worker-imports", target: TARGET, patch: withoutSideEffectImports };
