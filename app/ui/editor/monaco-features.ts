/**
 * The editor features a student uses on scenario code, and no others: each
 * is code to download and run before the editor shows, and a contribution
 * made again for every editor. Imported before the first editor is created.
 * TypeScript's help (completions, hovers...) comes just after the editor
 * shows (language-features.ts); the services it needs are registered here,
 * with the editor's own: a service registered after the first editor was
 * made is missing from every later one ("depends on UNKNOWN service").
 * The TypeScript support imports no features of its own
 * (scripts/vite/monaco-worker-imports.ts patches the module that did).
 *
 * Left out on purpose: code actions and their light bulb, code lens, colour
 * pickers, inline completions and inlay hints, folding and sticky scroll,
 * go to definition and peek views, rename, links, drag and drop, the
 * command palette, the diff editor: none serves a short scenario file, and
 * together they are about as large as the rest of the editor. The diff
 * editors come with the editor API itself; the build leaves them out
 * (scripts/vite/monaco-without-diff-editors.ts).
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
// Keyboard users: Ctrl+M makes Tab move the focus out (the editor's label says so); typing in step mode says why nothing changes.
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/readOnlyMessage/register";
// The services of language-features.ts's contributions (language-features.test.ts checks that none is missing).
import "monaco-editor/editor/contrib/suggest/browser/suggestMemory";
import "monaco-editor/editor/contrib/gotoError/browser/markerNavigationService";
import "monaco-editor/editor/contrib/peekView/browser/peekView";
import "monaco-editor/editor/contrib/gotoSymbol/browser/symbolNavigation";
