/**
 * The site's service worker (sw.js beside index.html, built by
 * scripts/vite/service-worker.ts): it makes the course work offline after the
 * first visit, and makes the page cross-origin isolated on hosts that cannot
 * send the headers.
 *
 * The algorithm:
 * - install: precache every file of this build (precache.ts) into a cache
 *   named by the build id. A newer build's worker must cache every file, or
 *   fail and leave the older one in charge, and then waits until the page
 *   asks it to take over ("A new version is ready": app/ui/offline/), so
 *   that a page never runs a mix of one build's HTML and another's chunks.
 *   The first worker of a scope starts the same precache but takes over
 *   without waiting for it: on a host without the isolation headers nothing
 *   runs until it does, and the first visit would wait for the whole course
 *   (megabytes) before its first run. Its precache goes on under the events
 *   of the page that asked when it is done (WHEN_CACHED, answered CACHED:
 *   "Available offline") and of each navigation, until every file is in.
 * - activate: delete the caches of older builds, and take control of the
 *   open pages.
 * - fetch (respond.ts): cache first for the build's files, network first for
 *   the HTML with the cache as fallback; the isolation headers added to
 *   every response that lacks them (isolation-headers.ts).
 *
 * Why one worker for both jobs: a scope has one service worker, so caching
 * and isolation must live in the same one. coi-serviceworker, which did the
 * isolation before, takes over at every update (skipWaiting on install),
 * which would let an old page load a new build's chunks; patching our cache
 * into it would have meant rewriting its lifecycle, while its isolation is
 * ten lines (isolation-headers.ts). Its page script's job, registering and
 * reloading once to become isolated, is app/ui/offline/register.ts.
 */
import { CACHED, SKIP_WAITING, WHEN_CACHED } from "./messages";
import { deleteOldCaches, precache } from "./precache";
import { respond } from "./respond";
import { scope } from "./scope";

/** Whether every file of this build is known to be cached (known afresh each time the browser starts the worker). */
let cacheComplete = false;
let filling: Promise<void> | undefined;

/** Caches what of the build is missing, one fill at a time; rejects if a file could not be had. */
function fillCache(): Promise<void> {
  if (cacheComplete) return Promise.resolve();
  filling ??= precache()
    .then(() => void (cacheComplete = true))
    .finally(() => (filling = undefined));
  return filling;
}

scope.addEventListener("install", (event) => {
  const active = scope.registration.active;
  // coi-serviceworker.js, which this worker replaces, cached nothing: no page of it needs keeping consistent.
  const first = !active || active.scriptURL.endsWith("/coi-serviceworker.js");
  if (!first) return event.waitUntil(fillCache());
  fillCache().catch(() => undefined);
  event.waitUntil(scope.skipWaiting());
});

scope.addEventListener("activate", (event) => {
  event.waitUntil(deleteOldCaches().then(() => scope.clients.claim()));
});

scope.addEventListener("message", (event) => {
  if (event.data === SKIP_WAITING) void scope.skipWaiting();
  if (event.data === WHEN_CACHED) event.waitUntil(fillCache().then(() => event.source?.postMessage(CACHED), () => undefined));
});

scope.addEventListener("fetch", (event) => {
  const { request } = event;
  // A request DevTools makes that a worker cannot answer (a Chromium quirk).
  if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
  event.respondWith(respond(request));
  if (request.mode === "navigate" && !cacheComplete) event.waitUntil(fillCache().catch(() => undefined));
});
