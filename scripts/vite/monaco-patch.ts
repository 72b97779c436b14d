/**
 * A build-time patch of some of Monaco's modules (node_modules stays as
 * installed): `patch` rewrites each module whose id matches `target`. The
 * same plugin serves `plugins` (the build) and
 * `optimizeDeps.rolldownOptions.plugins` (the dev server's pre-bundle), so
 * that both carry the same Monaco.
 */
import type { Plugin } from "vite";

export function monacoPatch(name: string, target: RegExp, patch: (code: string, id: string) => string): Plugin {
  return {
    name: `interleave:${name}`,
    enforce: "pre",
    transform: {
      filter: { id: target },
      handler(code, id) {
        return { code: patch(code, id), map: null };
      },
    },
  };
}
