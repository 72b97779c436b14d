/**
 * The language features come after the first editor (language-features.ts),
 * but the services their contributions need must be registered before it
 * (monaco-features.ts): one registered later is missing from every editor
 * made after it, and its feature fails there, maybe only when first used.
 * Read from Monaco's own modules, so that an upgrade that moves a service
 * fails here rather than in a student's second lesson.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { asBuilt } from "../../../scripts/vite/monaco-patches";

const HERE = dirname(fileURLToPath(import.meta.url));
const MONACO = resolve(HERE, "../../../node_modules/monaco-editor/esm/vs");

/** Services registered only with the language features, by a module whose own asker is left out, so never asked for. */
const UNUSED: Readonly<Record<string, string>> = {
  IInlayHintsCache: "only the inlay hints contribution asks for it, and it is left out",
  IActionViewItemService: "only a MenuWorkbenchToolBar asks for it (the diff editor's, left out); the hover's inline-suggestion toolbar is a WorkbenchToolBar",
};

/** The `monaco-editor/...` modules a file of ours imports, as paths. */
function monacoImports(file: string): string[] {
  const text = readFileSync(resolve(HERE, file), "utf8");
  return [...text.matchAll(/^import (?:[^"]+ from )?"monaco-editor\/([^"?]+)";$/gm)].map((match) => resolve(MONACO, `${match[1]}.js`));
}

/** Every module these reach by static imports in the build (dynamic ones load later, on their own). */
function reach(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const next = [...entries];
  while (next.length > 0) {
    const file = next.pop()!;
    if (seen.has(file) || !file.endsWith(".js") || !existsSync(file)) continue;
    seen.add(file);
    for (const match of asBuilt(file, readFileSync(file, "utf8")).matchAll(/^(?:import|export) (?:[^'"]+ from )?'(\.[^']+)';$/gm)) next.push(resolve(dirname(file), match[1]!));
  }
  return seen;
}

const singletons = (files: Iterable<string>) =>
  [...files].flatMap((file) => [...readFileSync(file, "utf8").matchAll(/registerSingleton\((\w+),/g)].map((match) => match[1]!));

describe("the language features' services", () => {
  const before = reach([resolve(MONACO, "editor.js"), ...monacoImports("monaco-setup.ts"), ...monacoImports("monaco-features.ts")]);
  const later = reach(monacoImports("language-contributions.ts"));

  it("are registered before the first editor, but for those no contribution asks for", () => {
    const missing = singletons([...later].filter((file) => !before.has(file))).filter((name) => !(name in UNUSED));
    expect(missing).toEqual([]);
  });

  it("are read from the modules the page imports (the walk found them)", () => {
    expect(later.size).toBeGreaterThan(50);
    expect(singletons(before)).toContain("ISuggestMemoryService");
  });
});
