/**
 * How the worker answers a request. A navigation (the page itself) goes to
 * the network first, so that a new deploy is seen at once, and falls back to
 * this build's cached page when the network fails or is too slow (a train's
 * flickering signal); the cached page is only ever the one precached with
 * its build, so it always names chunks the cache holds. Everything else is
 * cache first, then the network. Every answer gets the isolation headers the
 * host did not send.
 */
import { isolated } from "./isolation-headers";
import { PAGE, cached } from "./precache";

/** How long a navigation waits for the network before the cached page is used. */
const NAVIGATION_TIMEOUT_MS = 5000;

export async function respond(request: Request): Promise<Response> {
  if (request.mode === "navigate") return isolated(await networkFirst(request));
  if (request.method === "GET") {
    const hit = await cached(request.url);
    if (hit) return isolated(hit);
  }
  return isolated(await fetch(request));
}

async function networkFirst(request: Request): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), NAVIGATION_TIMEOUT_MS)));
  const network = fetch(request).catch(() => undefined);
  try {
    const response = await Promise.race([network, slow]);
    if (response) return response;
    const page = await cached(PAGE);
    // Nothing cached (the worker was just installed, and failed): wait for the network after all, or its error.
    return page ?? (await network) ?? Response.error();
  } finally {
    clearTimeout(timer);
  }
}
