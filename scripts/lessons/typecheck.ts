/**
 * Type-checks every lesson's starter and solution against the scenario API
 * (`import ... from "interleave"` is app/runtime/api.ts), in one TypeScript
 * program: the checks a student's editor makes, before anything runs.
 */
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { Problem } from "../../app/engine/course/problem";

const API = resolve(dirname(fileURLToPath(import.meta.url)), "../../app/runtime/api.ts");

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts", "lib.dom.d.ts"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  types: [],
  paths: { interleave: [API] },
};

/** `files` are paths relative to `lessonsDir` (`04-lock-and-rlock/scenario.ts`). */
export function typecheckLessons(lessonsDir: string, files: readonly string[]): Problem[] {
  const roots = files.map((file) => join(lessonsDir, file));
  const program = ts.createProgram(roots, OPTIONS);
  const wanted = new Set(roots.map((root) => resolve(root)));
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file !== undefined && wanted.has(resolve(d.file.fileName)))
    .map((d) => {
      const file = d.file!;
      const { line } = file.getLineAndCharacterOfPosition(d.start ?? 0);
      return {
        file: relative(lessonsDir, file.fileName).split("\\").join("/"),
        line: line + 1,
        message: `type error: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`,
      };
    });
}

/**
 * Rewrites what Node 20 cannot parse yet (`using` declarations) into plain
 * JavaScript, keeping types and imports for the engine's own compile step.
 * Browsers that run the site parse `using` themselves.
 */
export function downlevelForNode(source: string): string {
  if (!/\busing\s+[\w$]/.test(source)) return source;
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
  }).outputText;
}
