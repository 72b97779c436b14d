/**
 * The editor's chunk (Monaco, megabytes), asked for as soon as a lesson's
 * address is known (hooks.ts, useLesson) rather than once its files have
 * loaded and its workspace is drawn: the two loads overlap.
 */
export const loadCodeEditor = () => import("./CodeEditor");
