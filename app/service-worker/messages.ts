/** What the page and the service worker say to each other (app/ui/offline/register.ts). */

/** Page to a waiting worker: take over now (the student pressed "Reload"). */
export const SKIP_WAITING = "skip-waiting";
/** Page to its worker: answer CACHED once every file of the build is cached. */
export const WHEN_CACHED = "when-cached";
/** Worker to a page that asked: the course is available offline. */
export const CACHED = "cached";
