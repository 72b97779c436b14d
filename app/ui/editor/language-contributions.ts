/**
 * TypeScript's help as the student types, as Monaco's editor contributions:
 * completions (with snippets), signatures, hovers (types, and the problems
 * under the pointer), F8 to the next problem. Loaded by language-features.ts.
 */
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/parameterHints/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/gotoError/register";
