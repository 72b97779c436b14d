/** The patch of Monaco's worker helper, on the file this Monaco ships. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { withoutSideEffectImports } from "./monaco-worker-imports";

const WORKERS = fileURLToPath(new URL("../../node_modules/monaco-editor/esm/vs/internal/common/workers.js", import.meta.url));

describe("monaco-worker-imports", () => {
  it("leaves Monaco's worker helper importing only the editor API it uses", () => {
    const patched = withoutSideEffectImports(readFileSync(WORKERS, "utf8"));
    expect(patched.match(/^import .*$/gm)).toEqual(["import { editor } from '../../editor/editor.api.js';"]);
    expect(patched).toContain("export { createWebWorker }");
  });

  it("refuses a file that no longer looks as expected, rather than patching nothing", () => {
    expect(() => withoutSideEffectImports("export { createWebWorker };\n")).toThrow(/no longer looks/);
  });
});
