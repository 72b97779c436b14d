/**
 * Shared memory needs a cross-origin-isolated page. When this page is not
 * (and the service-worker fallback could not make it so), say why and what
 * to do instead of failing on Run.
 */
export function isolationProblem(): string | null {
  if (typeof SharedArrayBuffer !== "undefined" && window.crossOriginIsolated) return null;
  if (!window.isSecureContext) {
    return "This page is served over plain HTTP from another machine, so the browser will not share memory between workers. Open it over HTTPS, or on this machine at http://localhost.";
  }
  if (!("serviceWorker" in navigator)) {
    return "This browser blocks the service worker that would enable shared memory here (private mode often does). Serve the site with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp, or use a normal window.";
  }
  return "The page is not cross-origin isolated yet, so workers cannot share memory. Reload once; if this stays, serve the site with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp.";
}

export function IsolationNotice({ problem }: { problem: string }) {
  return (
    <p className="notice error" role="alert" data-testid="isolation-notice">
      <strong>Cannot run scenarios here.</strong> {problem}
    </p>
  );
}
