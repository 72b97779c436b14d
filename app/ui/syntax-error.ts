/**
 * Where a syntax error really is. The compiler's position can be a token
 * early; the editor's TypeScript service knows the exact spot. When a run was
 * refused for a syntax error and the editor has one, the page shows that,
 * in its language (TypeScript's own message stays as the editor gives it).
 */
import type { RunRecord } from "../engine/session";
import type { TypeProblem } from "./editor/CodeEditor";
import { uiMessage } from "./messages/messages";

export function withEditorSyntaxError(record: RunRecord | null, problems: readonly TypeProblem[], source: string): RunRecord | null {
  const outcome = record?.outcome;
  const syntax = problems.find((p) => p.syntax);
  // The editor's diagnostics describe the code as it is now: they say nothing about code that has changed since.
  if (!record || record.source !== source || outcome?.status !== "refused" || !outcome.compile || !syntax) return record;
  const message = uiMessage("code.syntaxError", { message: syntax.message });
  return { ...record, outcome: { ...outcome, message, compile: { message, line: syntax.line, column: syntax.column } } };
}
