/**
 * Builds the service worker (app/service-worker/) into `sw.js` beside
 * index.html, once the rest of the bundle is known: its precache list
 * (precache-manifest.ts) is the bundle's files and public/'s, given to the
 * worker as the virtual module `virtual:precache-manifest`. The worker is a
 * nested Vite build of its own, one classic script (a module worker is not
 * yet everywhere), with a fixed name: the page registers it by that name, and
 * the browser sees a new build when its bytes change. Nothing in dev: the dev
 * server sends the isolation headers and the page registers no worker there.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin, type ResolvedConfig } from "vite";
import { SERVICE_WORKER_FILE, precacheManifest, type PrecacheManifest } from "./precache-manifest.ts";

const ENTRY = fileURLToPath(new URL("../../app/service-worker/service-worker.ts", import.meta.url));
const MANIFEST_ID = "virtual:precache-manifest";

export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "interleave:service-worker",
    apply: "build",
    configResolved: (resolved) => void (config = resolved),
    generateBundle: {
      // After index.html and every asset are in the bundle.
      order: "post",
      async handler(_options, bundle) {
        const contents = new Map<string, string | Uint8Array>();
        for (const [file, output] of Object.entries(bundle)) contents.set(file, output.type === "chunk" ? output.code : output.source);
        for (const [file, content] of publicFiles(config)) if (!contents.has(file)) contents.set(file, content);
        const manifest = precacheManifest(contents, config.build.assetsDir);
        this.emitFile({ type: "asset", fileName: SERVICE_WORKER_FILE, source: await buildWorker(manifest, config) });
      },
    },
  };
}

/** public/'s files, which Vite copies into the output folder as they are. */
function publicFiles(config: ResolvedConfig): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!config.publicDir || !config.build.copyPublicDir) return files;
  let entries;
  try {
    entries = readdirSync(config.publicDir, { recursive: true, withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(config.publicDir, path).split(sep).join("/"), readFileSync(path));
  }
  return files;
}

async function buildWorker(manifest: PrecacheManifest, config: ResolvedConfig): Promise<string> {
  const output = await build({
    configFile: false,
    envDir: false,
    root: config.root,
    publicDir: false,
    logLevel: "warn",
    plugins: [
      {
        name: "interleave:precache-manifest",
        resolveId: (id) => (id === MANIFEST_ID ? `\0${MANIFEST_ID}` : undefined),
        load: (id) => (id === `\0${MANIFEST_ID}` ? `export default ${JSON.stringify(manifest)};` : undefined),
      },
    ],
    build: {
      write: false,
      target: config.build.target,
      minify: true,
      reportCompressedSize: false,
      rolldownOptions: { input: ENTRY, output: { format: "iife", entryFileNames: SERVICE_WORKER_FILE } },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => ("output" in result ? result.output : []));
  const worker = chunks.find((chunk) => chunk.type === "chunk" && chunk.isEntry);
  if (!worker || worker.type !== "chunk") throw new Error("service worker: the build gave no script");
  return `/* Interleave's service worker, build ${manifest.buildId}: app/service-worker/service-worker.ts */\n${worker.code}`;
}
