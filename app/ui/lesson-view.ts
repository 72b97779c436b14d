/**
 * Which of a lesson's views a phone shows: reading, code, or results (one at
 * a time, ViewSwitch.tsx). A run that ends while the student is on the Code
 * view switches to Results, since seeing what the run did is why they pressed
 * Run; not when it starts, as Stop stays beside Run while the run goes on.
 * A run that ends while they read marks Results instead of taking the page
 * from under their eyes.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Session } from "../engine/session";

export type LessonView = "read" | "code" | "results";

const noSession = () => () => {};

export function useLessonView(session: Session | null, narrow: boolean) {
  const [view, setView] = useState<LessonView>("read");
  const [unseen, setUnseen] = useState(false);
  const top = useRef<HTMLDivElement>(null);
  const ended = useSyncExternalStore(session?.subscribe ?? noSession, () => session?.getSnapshot().last?.index ?? 0);
  const seen = useRef(ended);
  useEffect(() => {
    if (ended === seen.current) return;
    seen.current = ended;
    if (!narrow) return;
    if (view === "code") setView("results");
    else if (view === "read") setUnseen(true);
  }, [ended, narrow, view]);
  // A view opens at its top, not at the depth the last one was scrolled to.
  useLayoutEffect(() => {
    if (!narrow || !top.current) return;
    const y = top.current.getBoundingClientRect().top + window.scrollY;
    if (window.scrollY > y) window.scrollTo(0, y);
  }, [view, narrow]);
  const choose = useCallback((chosen: LessonView) => {
    setView(chosen);
    if (chosen === "results") setUnseen(false);
  }, []);
  return { view, unseen, choose, top };
}
