/**
 * What the service worker precaches (app/service-worker/precache.ts): every
 * file of the build, the bundle's and public/'s, as paths relative to the
 * worker (so that they follow BASE_PATH), with a build id hashed from all
 * their contents: the worker's cache name, which changes when any file does.
 * Left out: the worker itself, the hosts' `_headers`, and the precompressed
 * copies (`.br`, `.gz`: scripts/vite/precompress.ts), which the browser never
 * asks for by name; source maps, which only DevTools reads.
 */
import { createHash } from "node:crypto";

export interface PrecacheManifest {
  readonly buildId: string;
  /** The page every navigation falls back to offline. */
  readonly page: string;
  /** Where the files whose names carry their content's hash live (Vite's assetsDir), with a trailing slash. */
  readonly assetsDir: string;
  readonly files: readonly string[];
}

export const SERVICE_WORKER_FILE = "sw.js";
const PAGE = "index.html";
const LEFT_OUT = /(^|\/)_headers$|\.(br|gz|map)$/;

/** The manifest of a build whose files are `contents` (path relative to the output folder, with `/`, to content). */
export function precacheManifest(contents: ReadonlyMap<string, string | Uint8Array>, assetsDir: string): PrecacheManifest {
  const files = [...contents.keys()].filter((file) => file !== SERVICE_WORKER_FILE && !LEFT_OUT.test(file)).sort();
  if (!files.includes(PAGE)) throw new Error(`precache manifest: the build has no ${PAGE}`);
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(contents.get(file)!).update("\0");
  return { buildId: hash.digest("hex").slice(0, 16), page: PAGE, assetsDir: `${assetsDir.replace(/\/+$/, "")}/`, files };
}
