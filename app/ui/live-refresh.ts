/**
 * One clock for the views of a run that is going on (its elapsed time,
 * shared values and timeline): they refresh together, so that the page
 * restyles, lays out and paints once per tick instead of once per view.
 *
 * Why not every animation frame: refreshed that often, the page's React
 * work, restyle, layout and paint took about half a core of a 2-core machine
 * in headless Chromium (scripts/fidelity/browser-threads.mjs), taken from the
 * workers in a run's concurrent phase. Ten times a second still reads as live.
 */
import { useEffect } from "react";

export const LIVE_REFRESH_MS = 100;

const views = new Set<() => void>();
let clock: ReturnType<typeof setInterval> | undefined;

function join(refresh: () => void): () => void {
  views.add(refresh);
  // Every refresh runs in the same task, and React renders their state changes as one.
  clock ??= setInterval(() => views.forEach((view) => view()), LIVE_REFRESH_MS);
  return () => {
    views.delete(refresh);
    if (views.size > 0) return;
    clearInterval(clock);
    clock = undefined;
  };
}

/** Calls `refresh` on the live clock while `live`; pass a stable `refresh` (useCallback). */
export function useLiveRefresh(live: boolean, refresh: () => void): void {
  useEffect(() => (live ? join(refresh) : undefined), [live, refresh]);
}
