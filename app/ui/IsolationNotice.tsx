import { useMessages } from "./messages/messages";

/** Why this page cannot share memory between workers. */
export type IsolationProblem = "insecure" | "noServiceWorker" | "notYet";

/**
 * Shared memory needs a cross-origin-isolated page. When this page is not
 * (and the service-worker fallback could not make it so), say why and what
 * to do instead of failing on Run.
 */
export function isolationProblem(): IsolationProblem | null {
  if (typeof SharedArrayBuffer !== "undefined" && window.crossOriginIsolated) return null;
  if (!window.isSecureContext) return "insecure";
  if (!("serviceWorker" in navigator)) return "noServiceWorker";
  return "notYet";
}

export function IsolationNotice({ problem }: { problem: IsolationProblem }) {
  const say = useMessages();
  return (
    <p className="notice error" role="alert" data-testid="isolation-notice">
      <strong>{say("isolation.cannotRun")}</strong> {say(`isolation.${problem}`)}
    </p>
  );
}
