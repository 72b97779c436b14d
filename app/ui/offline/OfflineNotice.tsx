/**
 * What the page says of the service worker (register.ts), small, in the
 * header: that the course just became available offline, or that a new
 * version is ready and a reload brings it in. Nothing otherwise.
 */
import { useSyncExternalStore } from "react";
import { applyUpdate, offlineStore } from "./register";

/** Every string this component shows. */
export const OFFLINE_TEXTS = {
  offlineReady: "Available offline",
  offlineReadyTitle: "This course is saved in your browser: it works without a network from now on.",
  updateReady: "A new version is ready.",
  reload: "Reload",
} as const;

export function OfflineNotice() {
  const state = useSyncExternalStore(offlineStore.subscribe, offlineStore.get);
  return (
    <span className="offline-notice" role="status" data-testid="offline-notice" data-state={state}>
      {state === "offline-ready" && <span title={OFFLINE_TEXTS.offlineReadyTitle}>{OFFLINE_TEXTS.offlineReady}</span>}
      {state === "update-ready" && (
        <>
          {OFFLINE_TEXTS.updateReady}{" "}
          <button type="button" onClick={applyUpdate} data-testid="update-reload">
            {OFFLINE_TEXTS.reload}
          </button>
        </>
      )}
    </span>
  );
}
