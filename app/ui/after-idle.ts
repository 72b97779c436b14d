/**
 * Resolves once the page has a moment to spare (or after `timeoutMs`): for
 * chunks that should not compete with the editor's while a lesson opens.
 * Safari has no requestIdleCallback: there, after the timeout.
 */
export function afterIdle(timeoutMs = 2_000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, timeoutMs);
  });
}
