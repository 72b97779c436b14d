/**
 * Whether the screen is a phone's: below this width the course list folds
 * into a menu and a lesson shows one view at a time (reading, code, results).
 * styles.css's `@media (max-width: 760px)` block is the same breakpoint.
 */
import { useSyncExternalStore } from "react";

export const NARROW_SCREEN = "(max-width: 760px)";

const query = () => window.matchMedia(NARROW_SCREEN);

function subscribe(listener: () => void): () => void {
  const list = query();
  list.addEventListener("change", listener);
  return () => list.removeEventListener("change", listener);
}

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => query().matches);
}
