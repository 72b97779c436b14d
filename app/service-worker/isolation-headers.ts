/**
 * Cross-origin isolation for hosts that cannot send headers (GitHub Pages):
 * the worker adds COOP, COEP and CORP to every response it hands the page
 * when the host did not send them, which is what makes SharedArrayBuffer
 * available there. A host's own headers are kept as they are.
 */
import { ISOLATION_HEADERS } from "../../scripts/vite/cross-origin-isolation";

/** The servers' isolation headers, and CORP: the worker's answers stand for the host's own files. */
const HEADERS: Readonly<Record<string, string>> = { ...ISOLATION_HEADERS, "Cross-Origin-Resource-Policy": "same-origin" };

/**
 * `response` with the isolation headers it lacks, as a new response: also
 * one no longer marked `redirected` (a cached page fetched through a redirect
 * would otherwise be refused as a navigation's answer). Opaque responses
 * cannot be read or rebuilt and pass as they are.
 */
export function isolated(response: Response): Response {
  if (response.type === "opaque" || response.type === "opaqueredirect" || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(HEADERS)) if (!headers.has(name)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
