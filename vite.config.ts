import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { ISOLATION_HEADERS } from "./scripts/vite/cross-origin-isolation.ts";
import { scenarioTypes } from "./scripts/vite/scenario-types.ts";
import { contentSecurityPolicy } from "./scripts/vite/content-security-policy.ts";
import { courseModules } from "./scripts/vite/course-modules.ts";
import { precompress } from "./scripts/vite/precompress.ts";
import { serviceWorker } from "./scripts/vite/service-worker.ts";
import { monacoPatches } from "./scripts/vite/monaco-patches.ts";
import { monacoDevDeps } from "./scripts/vite/monaco-dev-deps.ts";

const here = (path: string) => fileURLToPath(new URL(`./${path}`, import.meta.url));

/** Ports are fixed so the printed URL is stable; e2e uses its own. */
export const PORTS = { dev: 5317, preview: 4317 } as const;

export default defineConfig({
  // A site served under a sub-path (https://host/course/) sets BASE_PATH=/course/.
  base: process.env.BASE_PATH ?? "/",
  plugins: [
    react(),
    ...monacoPatches(),
    contentSecurityPolicy(),
    scenarioTypes(here("app/runtime")),
    courseModules(here("lessons"), here("app/ui/playground")),
    // sw.js: offline after the first visit, and isolation where the host sends no headers (app/service-worker/).
    serviceWorker(),
    // A build only browsed here (the e2e suite's course copy) skips the seconds of compression: PRECOMPRESS=0.
    ...(process.env.PRECOMPRESS === "0" ? [] : [precompress()]),
  ],
  server: { headers: ISOLATION_HEADERS, port: PORTS.dev, strictPort: true },
  preview: { headers: ISOLATION_HEADERS, port: PORTS.preview, strictPort: true },
  worker: { format: "es" },
  // Monaco's modules, as app/ui/editor/ imports them, pre-bundled for the dev server, with the same patches as the build.
  optimizeDeps: {
    include: monacoDevDeps(["monaco-setup.ts", "monaco-features.ts", "language-contributions.ts", "scenario-types.ts"].map((file) => here(`app/ui/editor/${file}`))),
    rolldownOptions: { plugins: monacoPatches() },
  },
  build: {
    target: "es2023",
    chunkSizeWarningLimit: 5000,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: "preload-helper", test: /preload-helper/, priority: 10 }, { name: "monaco-base", test: /monaco-editor\/esm\/vs\/base\//, priority: 4 }, { name: "monaco-platform", test: /monaco-editor\/esm\/vs\/platform\//, priority: 3 }, { name: "monaco-editor-common", test: /monaco-editor\/esm\/vs\/editor\/common\//, priority: 2 }, { name: "monaco-editor-browser", test: /monaco-editor\/esm\/vs\/editor\/(?:browser|standalone)\//, priority: 1 }] } } },
  },
});
