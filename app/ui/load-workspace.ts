/** The workspace's chunk, asked for as soon as a lesson's address is known (hooks.ts), alongside its files and the editor, not after them. */
export const loadWorkspace = () => import("./Workspace");
