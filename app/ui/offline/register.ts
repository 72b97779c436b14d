/**
 * The page's side of the service worker (app/service-worker/), in a built
 * site only: registers it, reloads once when that is what makes the page
 * cross-origin isolated (a host that sends no isolation headers: the first
 * visit is not yet under the worker), and tells the page what a student may
 * want to know: the course just became available offline (asked of the
 * worker on a first visit, which it answers once it has cached every file),
 * or a newer build's worker waits and a reload brings it in. The dev server sends the headers
 * itself and rebuilds modules as they change: no worker there.
 */
import { CACHED, SKIP_WAITING, WHEN_CACHED } from "../../service-worker/messages";
import { afterEditorShows } from "../editor-shown";

export type OfflineState = "none" | "offline-ready" | "update-ready";

/** Set in this tab's session storage when the page reloaded to be isolated: never twice, should a worker fail to isolate it. */
const ISOLATION_RELOAD = "interleave:isolation-reload";
/** How often an open page asks the host for a newer build (hash routes never navigate). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let state: OfflineState = "none";
const listeners = new Set<() => void>();
function setState(next: OfflineState): void {
  state = next;
  for (const listener of listeners) listener();
}

export const offlineStore = {
  get: (): OfflineState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

let registration: ServiceWorkerRegistration | undefined;
let updateAsked = false;
let reloading = false;
function reload(): void {
  if (reloading) return;
  reloading = true;
  window.location.reload();
}

/** Reloads the page once in this tab's session; false if it did already. */
function reloadOnceForIsolation(): boolean {
  const storage = sessionStorageOrNull();
  if (storage?.getItem(ISOLATION_RELOAD)) return false;
  storage?.setItem(ISOLATION_RELOAD, "reloaded");
  reload();
  return true;
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Brings in the waiting build: the worker takes over, and the page reloads when it has (or now, if it already has). */
export function applyUpdate(): void {
  updateAsked = true;
  const waiting = registration?.waiting;
  if (waiting) waiting.postMessage(SKIP_WAITING);
  else reload();
}

export function registerServiceWorker(): void {
  const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
  if (import.meta.env.DEV || !container || !window.isSecureContext) return;
  const hadController = container.controller !== null;
  const storage = sessionStorageOrNull();
  const whenCached = () => container.controller?.postMessage(WHEN_CACHED);

  container.addEventListener("message", (event) => {
    if (event.data !== CACHED || state === "update-ready") return;
    if (storage?.getItem(ISOLATION_RELOAD) === "reloaded") storage.setItem(ISOLATION_RELOAD, "told");
    setState("offline-ready");
  });
  container.startMessages();
  // The first visit, just reloaded to be isolated: the worker may still be caching the course.
  if (hadController && storage?.getItem(ISOLATION_RELOAD) === "reloaded") whenCached();

  container.addEventListener("controllerchange", () => {
    if (updateAsked) return reload();
    if (!hadController) {
      if (!window.crossOriginIsolated && reloadOnceForIsolation()) return;
      return whenCached();
    }
    // Another tab brought in a newer build: this page's build is no longer cached.
    setState("update-ready");
  });

  const waitingUpdate = (worker: ServiceWorker) =>
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed" && container.controller) setState("update-ready");
    });

  // A page the host already isolates needs the worker only to cache the course: that waits for the editor, whose start
  // it would slow on two cores (the install fetches and stores every file of the build). Elsewhere it isolates the page: now.
  const ready = window.crossOriginIsolated ? afterEditorShows(5_000) : Promise.resolve();
  void ready.then(() => container.register(`${import.meta.env.BASE_URL}sw.js`)).then(
    (registered: ServiceWorkerRegistration | undefined) => {
      // A browser told to block service workers (Playwright's `serviceWorkers: "block"`) answers with none.
      if (!registered) return;
      registration = registered;
      if (registered.waiting && container.controller) setState("update-ready");
      if (registered.installing) waitingUpdate(registered.installing);
      registered.addEventListener("updatefound", () => registered.installing && waitingUpdate(registered.installing));
      // A worker is in charge but this page bypassed it (a hard reload): a reload brings the page under it.
      if (!window.crossOriginIsolated && !container.controller && registered.active) reloadOnceForIsolation();
      // A page under a worker asks for a newer build as it opens (registering the same script again does not), and hourly.
      const checkForUpdate = () => void registered.update().catch(() => undefined);
      if (container.controller) checkForUpdate();
      setInterval(checkForUpdate, UPDATE_CHECK_MS);
    },
    (error: unknown) => console.warn("The service worker was not registered: the course will not work offline.", error),
  );
}
