/**
 * compile.ts as the page's engine loads it: when code is first compiled (the
 * lesson's scenario is read as soon as it opens), not with the first page,
 * which has no use for sucrase before then.
 */
export const compiler = (): Promise<typeof import("./compile")> => import("./compile");
