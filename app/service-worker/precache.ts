/**
 * The worker's cache: one per build, named from the scope and the build id,
 * filled at install with every file of the build (the list written by
 * scripts/vite/precache-manifest.ts), and the caches of older builds of the
 * same scope deleted when this one activates. The scope is part of the name:
 * several sites may share an origin (GitHub Pages' <owner>.github.io/<repo>/),
 * and one must never delete another's cache.
 *
 * A file under assets/ carries its content's hash in its name, so it is the
 * same file in every build that has it: an update copies it from the older
 * build's cache rather than download it again (Monaco's TypeScript worker
 * alone is megabytes), and a worker missing one (an older worker serving a
 * newer page while the newer worker waits) may take it from another build's
 * cache. The other files (index.html, public/'s) are fetched afresh.
 */
import manifest from "virtual:precache-manifest";
import { scope } from "./scope";

const PREFIX = `interleave:${new URL("./", scope.location.href).pathname}:`;
const absolute = (file: string) => new URL(file, scope.location.href).href;
const HASHED_UNDER = absolute(manifest.assetsDir);
const isHashed = (url: string) => url.startsWith(HASHED_UNDER);

/** This build's cache name. */
export const CACHE = `${PREFIX}${manifest.buildId}`;

const FILES: readonly string[] = manifest.files.map(absolute);

/** The page every navigation falls back to when the network cannot answer. */
export const PAGE = absolute(manifest.page);

const otherBuilds = async () => (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);

/** A hashed file from the cache of another build of this scope (`others`, their caches' names). */
async function fromOtherBuild(url: string, others: Promise<string[]>): Promise<Response | undefined> {
  if (!isHashed(url)) return undefined;
  for (const name of await others) {
    const response = await (await caches.open(name)).match(url);
    if (response) return response;
  }
  return undefined;
}

/**
 * Fills this build's cache; fails (and so fails the install, leaving any
 * older worker in charge) if one file cannot be had. A hashed file may come
 * from the HTTP cache (the page has just loaded many of them); the others
 * are revalidated with the host (`no-cache`), so that an older build's
 * index.html cannot.
 */
export async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  // Listed once for the whole build: no build is made or deleted while this one installs.
  const others = otherBuilds();
  const toFetch: string[] = [];
  await Promise.all(
    FILES.map(async (url) => {
      if (await cache.match(url)) return;
      const copy = await fromOtherBuild(url, others);
      if (copy) await cache.put(url, copy);
      else toFetch.push(url);
    }),
  );
  await cache.addAll(toFetch.map((url) => new Request(url, { cache: isHashed(url) ? "default" : "no-cache" })));
}

/** Deletes this scope's caches of other builds. */
export async function deleteOldCaches(): Promise<void> {
  await Promise.all((await otherBuilds()).map((name) => caches.delete(name)));
}

/** A file from this build's cache, or a hashed one from another build's. */
export async function cached(url: string): Promise<Response | undefined> {
  return (await (await caches.open(CACHE)).match(url)) ?? fromOtherBuild(url, otherBuilds());
}
