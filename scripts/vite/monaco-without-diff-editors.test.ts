/** The stand-ins for Monaco's diff editors, against the Monaco in node_modules and every module of it that imports them. */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diffEditorStandIn } from "./monaco-without-diff-editors";

const VS = fileURLToPath(new URL("../../node_modules/monaco-editor/esm/vs/", import.meta.url));
const at = (path: string) => resolve(VS, path);
const DIFF_EDITOR = at("editor/browser/widget/diffEditor/diffEditorWidget.js");
const MULTI_DIFF_EDITOR = at("editor/browser/widget/multiDiffEditor/multiDiffEditorWidget.js");
const STANDALONE = [at("editor/standalone/browser/standaloneEditor.js"), at("editor/standalone/browser/standaloneCodeEditor.js")];

const IMPORT = /^(?:import|export) (\* as \w+|\{[^}]*\}|\w+)? ?(?:from )?'(\.[^']+)';$/gm;

/** Every static import of Monaco's modules: which file, from which module, which names (`*` for a namespace). */
const imports = readdirSync(VS, { recursive: true, encoding: "utf8" })
  .filter((path) => path.endsWith(".js"))
  .flatMap((path) =>
    [...readFileSync(at(path), "utf8").matchAll(IMPORT)].map(([, names = "", from]) => ({
      file: at(path),
      from: resolve(dirname(at(path)), from!),
      names: names.startsWith("{") ? names.slice(1, -1).split(",").map((name) => name.trim().split(/\s+as\s+/)[0]!).filter(Boolean) : names.startsWith("*") ? ["*"] : names ? ["default"] : [],
    })),
  );

/** The stand-in, evaluated as a module. */
const evaluate = (code: string): Promise<Record<string, unknown>> => import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(code)}`);

describe("monaco-without-diff-editors", () => {
  for (const [target, name] of [[DIFF_EDITOR, "DiffEditorWidget"], [MULTI_DIFF_EDITOR, "MultiDiffEditorWidget"]] as const) {
    it(`stands in for ${relative(VS, target)} with the ${name} every importer imports, which says why it cannot be made`, async () => {
      const standIn = diffEditorStandIn(target, readFileSync(target, "utf8"))!;
      const exported = await evaluate(standIn);
      expect(Object.keys(exported)).toEqual([name]);
      const importers = imports.filter((entry) => entry.from === target);
      expect(importers.some((entry) => STANDALONE.includes(entry.file))).toBe(true);
      expect([...new Set(importers.flatMap((entry) => entry.names))]).toEqual([name]);
      const StandIn = exported[name] as new () => object;
      // standaloneCodeEditor.js extends it as its module loads.
      class Extended extends StandIn {}
      expect(() => new Extended()).toThrow(/the diff editor is left out of this build/);
    });
  }

  it("leaves every other module alone, the diff editors' own included", () => {
    for (const path of [...STANDALONE, at("editor/browser/widget/diffEditor/diffEditorOptions.js"), at("editor/common/diff/linesDiffComputers.js")]) {
      expect(diffEditorStandIn(path, readFileSync(path, "utf8"))).toBeUndefined();
    }
  });

  it("is the only way from the editor API to the diff editors' folders", () => {
    const outside = imports.filter((entry) => STANDALONE.includes(entry.file) && /[\\/]widget[\\/](?:multiD|d)iffEditor[\\/]/.test(entry.from));
    expect(outside.map((entry) => entry.from).sort()).toEqual([DIFF_EDITOR, MULTI_DIFF_EDITOR]);
  });

  it("refuses a target that no longer exports its class, rather than leave an importer without it", () => {
    expect(() => diffEditorStandIn(DIFF_EDITOR, "export { DiffEditorWidgetImpl };\n")).toThrow(/no longer exports DiffEditorWidget/);
  });
});
