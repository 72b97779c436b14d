/**
 * Cross-origin isolation for the dev and preview servers (SharedArrayBuffer
 * needs it), and the coi-serviceworker fallback for static hosts that cannot
 * set headers: the plugin serves the script in dev and emits it beside
 * index.html in a build. It must stay a separate classic script, never bundled.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Plugin } from "vite";

export const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
} as const;

export const SERVICE_WORKER_FILE = "coi-serviceworker.js";

export function coiServiceWorker(): Plugin {
  const source = () => readFileSync(createRequire(import.meta.url).resolve(`coi-serviceworker/${SERVICE_WORKER_FILE}`), "utf8");
  return {
    name: "interleave:coi-serviceworker",
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (!request.url?.endsWith(`/${SERVICE_WORKER_FILE}`)) return next();
        response.setHeader("Content-Type", "text/javascript");
        response.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: SERVICE_WORKER_FILE, source: source() });
    },
  };
}
