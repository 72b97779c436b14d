/**
 * The editor features a student uses on scenario code, and no others: each
 * is code to download and run before the editor shows, and a contribution
 * made again for every editor. Imported before the first editor is created:
 * a feature's services must be registered by then, or every later editor
 * fails on them. The TypeScript support imports no features of its own
 * (scripts/vite/monaco-worker-imports.ts patches the module that did).
 *
 * Left out on purpose: code actions and their light bulb, code lens, colour
 * pickers, inline completions and inlay hints, folding and sticky scroll,
 * go to definition and peek views, rename, links, drag and drop, the
 * command palette, the diff editor: none serves a short scenario file, and
 * together they are about as large as the rest of the editor.
 */
// Icons of the find and suggest widgets.
import "monaco-editor/features/codicon/register";
// Typing: words (Ctrl+Left, Ctrl+Backspace), lines (Alt+Up, Ctrl+Shift+K), indentation (on paste too), comments (Ctrl+/), several cursors (Ctrl+D).
import "monaco-editor/features/wordOperations/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/multicursor/register";
// Undo of cursor moves (Ctrl+U); the undo of edits is the editor's own.
import "monaco-editor/features/cursorUndo/register";
// Cut, copy and paste, also from the context menu.
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/bracketMatching/register";
// TypeScript's help: its completions (with snippets), signatures, and hovers (types, and the problems under the pointer); F8 goes to the next problem.
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/parameterHints/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/gotoError/register";
// Keyboard users: Ctrl+M makes Tab move the focus out (the editor's label says so); typing in step mode says why nothing changes.
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/readOnlyMessage/register";
