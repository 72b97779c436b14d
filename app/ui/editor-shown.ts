/**
 * When a lesson's editor has drawn its code. The page's warm-up waits for
 * it: the runner workers (runner-pool.ts) and the first reading of the
 * scenario's parameters, which loads the compiler (LessonPage.tsx). On two
 * cores, workers starting and sucrase compiling would compete with the
 * editor's own start, and their downloads with its chunks. A page whose
 * editor does not show (a phone's reading view) warms up after a few
 * seconds all the same. Kept out of editor/: the first page imports it, and
 * it imports nothing of Monaco's.
 */
let markShown: () => void = () => {};
const shown = new Promise<void>((resolve) => (markShown = resolve));

/** Called by the editor once it has drawn its lines. */
export function editorShown(): void {
  markShown();
}

/** Resolves once an editor has drawn its code, or `timeoutMs` after the call. */
export function afterEditorShows(timeoutMs = 3_000): Promise<void> {
  return Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}
