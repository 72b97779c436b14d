/**
 * Cross-origin isolation (SharedArrayBuffer needs it): the headers the dev
 * and preview servers send, and that `_headers` asks hosts to send. Hosts
 * that cannot send headers are covered by the service worker
 * (app/service-worker/isolation-headers.ts), which adds them.
 */

export const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
} as const;
