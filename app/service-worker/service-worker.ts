/**
 * The site's service worker (sw.js beside index.html, built by
 * scripts/vite/service-worker.ts): it makes the course work offline after the
 * first visit, and makes the page cross-origin isolated on hosts that cannot
 * send the headers.
 *
 * The algorithm:
 * - install: precache every file of this build (precache.ts) into a cache
 *   named by the build id. The first worker of a scope then takes over at
 *   once (should a file fail to arrive, it takes over all the same and
 *   fetches what is missing at the next navigation: on a host without the
 *   isolation headers nothing runs until it does). A newer build's worker
 *   must cache every file, or fail and leave the older one in charge, and
 *   then waits until the page asks it to take over ("A new version is
 *   ready": app/ui/offline/), so that a page never runs a mix of one build's
 *   HTML and another's chunks.
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
import { SKIP_WAITING } from "./messages";
import { deleteOldCaches, precache } from "./precache";
import { respond } from "./respond";
import { scope } from "./scope";

/** Whether every file of this build is known to be cached; checked again at a navigation after the worker starts. */
let cacheComplete = false;
const completeCache = () => precache().then(() => void (cacheComplete = true));

scope.addEventListener("install", (event) => {
  const active = scope.registration.active;
  // coi-serviceworker.js, which this worker replaces, cached nothing: no page of it needs keeping consistent.
  const first = !active || active.scriptURL.endsWith("/coi-serviceworker.js");
  event.waitUntil(first ? completeCache().catch(() => undefined).then(() => scope.skipWaiting()) : completeCache());
});

scope.addEventListener("activate", (event) => {
  event.waitUntil(deleteOldCaches().then(() => scope.clients.claim()));
});

scope.addEventListener("message", (event) => {
  if (event.data === SKIP_WAITING) void scope.skipWaiting();
});

scope.addEventListener("fetch", (event) => {
  const { request } = event;
  // A request DevTools makes that a worker cannot answer (a Chromium quirk).
  if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
  event.respondWith(respond(request));
  if (request.mode === "navigate" && !cacheComplete) event.waitUntil(completeCache().catch(() => undefined));
});
