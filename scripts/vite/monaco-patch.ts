/**
 * A build-time patch of some of Monaco's modules (node_modules stays as
 * installed): `patch` rewrites each module whose id matches `target`. As a
 * plugin it serves both `plugins` (the build) and
 * `optimizeDeps.rolldownOptions.plugins` (the dev server's pre-bundle), so
 * that both carry the same Monaco; monaco-patches.ts lists the build's.
 */
import type { Plugin } from "vite";

export interface MonacoPatch {
  readonly name: string;
  readonly target: RegExp;
  readonly patch: (code: string, id: string) => string;
}

export function monacoPatchPlugin({ name, target, patch }: MonacoPatch): Plugin {
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
