import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { ISOLATION_HEADERS, coiServiceWorker } from "./scripts/vite/cross-origin-isolation.ts";
import { scenarioTypes } from "./scripts/vite/scenario-types.ts";
import { contentSecurityPolicy } from "./scripts/vite/content-security-policy.ts";

/** Ports are fixed so the printed URL is stable; e2e uses its own. */
export const PORTS = { dev: 5317, preview: 4317 } as const;

export default defineConfig({
  // A site served under a sub-path (https://host/course/) sets BASE_PATH=/course/.
  base: process.env.BASE_PATH ?? "/",
  plugins: [react(), coiServiceWorker(), contentSecurityPolicy(), scenarioTypes(fileURLToPath(new URL("./app/runtime", import.meta.url)))],
  server: { headers: ISOLATION_HEADERS, port: PORTS.dev, strictPort: true },
  preview: { headers: ISOLATION_HEADERS, port: PORTS.preview, strictPort: true },
  worker: { format: "es" },
  optimizeDeps: { include: ["monaco-editor/editor/editor.main"] },
  build: { target: "es2023", chunkSizeWarningLimit: 5000 },
});
