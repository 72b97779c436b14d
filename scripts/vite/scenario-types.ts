/**
 * The scenario API's type declarations, for the editor: the TypeScript
 * compiler emits `.d.ts` files for `app/runtime/api.ts` and everything it
 * reaches, and the virtual module `virtual:scenario-types` hands them to the
 * page as { "index.d.ts": ..., "sync/mutex.d.ts": ... }. The editor mounts
 * them as the package "interleave", so completion and type errors come from
 * the real runtime, never from a hand-kept copy.
 */
import { relative, resolve } from "node:path";
import ts from "typescript";
import type { Plugin } from "vite";

const ID = "virtual:scenario-types";
const RESOLVED = `\0${ID}`;

/** The declarations by file name, and the runtime sources they came from (to watch). */
export function emitScenarioTypes(runtimeDir: string): { files: Record<string, string>; sources: string[] } {
  const entry = resolve(runtimeDir, "api.ts");
  const program = ts.createProgram([entry], {
    declaration: true,
    emitDeclarationOnly: true,
    stripInternal: true,
    strict: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2023,
    lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts", "lib.dom.d.ts"],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    rootDir: runtimeDir,
    outDir: "/virtual-out",
  });
  const files: Record<string, string> = {};
  const result = program.emit(undefined, (fileName, text) => {
    const name = relative("/virtual-out", fileName).replace(/^api\.d\.ts$/, "index.d.ts");
    files[name] = text;
  });
  if (result.emitSkipped) throw new Error("scenario-types: TypeScript could not emit the scenario API declarations");
  const sources = program.getSourceFiles().map((f) => resolve(f.fileName)).filter((f) => f.startsWith(resolve(runtimeDir)));
  return { files, sources };
}

export function scenarioTypes(runtimeDir: string): Plugin {
  return {
    name: "interleave:scenario-types",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const { files, sources } = emitScenarioTypes(runtimeDir);
      for (const source of sources) this.addWatchFile(source);
      return `export default ${JSON.stringify(files)};`;
    },
  };
}
