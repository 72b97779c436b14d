/** What the page posts to the service worker: a waiting worker takes over (app/ui/offline/register.ts, "Reload"). */
export const SKIP_WAITING = "skip-waiting";
