/**
 * What the page says of the service worker (register.ts), small, in the
 * header: that the course just became available offline, or that a new
 * version is ready and a reload brings it in. Nothing otherwise.
 */
import { useSyncExternalStore } from "react";
import { applyUpdate, offlineStore } from "./register";
import { useMessages } from "../messages/messages";

export function OfflineNotice() {
  const say = useMessages();
  const state = useSyncExternalStore(offlineStore.subscribe, offlineStore.get);
  return (
    <span className="offline-notice" role="status" data-testid="offline-notice" data-state={state}>
      {state === "offline-ready" && <span title={say("offline.readyTitle")}>{say("offline.ready")}</span>}
      {state === "update-ready" && (
        <>
          {say("offline.updateReady")}{" "}
          <button type="button" onClick={applyUpdate} data-testid="update-reload">
            {say("offline.reload")}
          </button>
        </>
      )}
    </span>
  );
}
