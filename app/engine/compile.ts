/**
 * Compiles scenario TypeScript to the JavaScript a runner evaluates. Sucrase
 * strips types and turns imports into `require` calls without moving any
 * line, so a stack frame's line is the editor's line.
 */
import { transform } from "sucrase";
import { SCENARIO_FILE } from "../runtime/protocol";
import { engineMessage } from "./messages/message";

export interface CompileError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type Compiled = { readonly ok: true; readonly js: string } | { readonly ok: false; readonly error: CompileError };

export function compileScenario(source: string): Compiled {
  try {
    const { code } = transform(source, {
      transforms: ["typescript", "imports"],
      filePath: SCENARIO_FILE,
      disableESTransforms: true,
    });
    return { ok: true, js: code };
  } catch (thrown) {
    return { ok: false, error: syntaxError(thrown) };
  }
}

/** The compiled JavaScript, or why step mode or explore cannot take the code, in words. */
export function compiledOrRefusal(source: string): { readonly js: string } | { readonly refused: string } {
  const compiled = compileScenario(source);
  if (compiled.ok) return { js: compiled.js };
  const { message, line } = compiled.error;
  return { refused: line === undefined ? engineMessage("compile.refused", { problem: message }) : engineMessage("compile.refusedAtLine", { line, problem: message }) };
}

/**
 * Sucrase reports "Unexpected token (3:7)". Its position can be a token early
 * (it records the first failure of a speculative parse), so the page prefers
 * the editor's own syntax diagnostics when it has them (ui/syntax-error.ts).
 */
function syntaxError(thrown: unknown): CompileError {
  const message = (thrown instanceof Error ? thrown.message : String(thrown)).replace(/^Error transforming \S+: /, "");
  const at = /\((\d+):(\d+)\)\s*$/.exec(message);
  if (!at) return { message: engineMessage("compile.syntax", { problem: message }) };
  return {
    message: engineMessage("compile.syntax", { problem: message.slice(0, at.index).trim() }),
    line: Number(at[1]),
    column: Number(at[2]),
  };
}
