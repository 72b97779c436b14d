/** The one place components read outside state: the course, a session, the route. */
import { useEffect, useSyncExternalStore } from "react";
import { courseStore } from "./content/course-store";
import { loadCodeEditor } from "./editor/load-editor";
import { loadWorkspace } from "./load-workspace";
import { afterFirstPaint } from "./after-first-paint";
import type { Lesson } from "../engine/course/lesson";
import type { Session, SessionSnapshot } from "../engine/session";

export function useCourse() {
  return useSyncExternalStore(courseStore.subscribe, courseStore.get);
}

/** The lesson with this slug, undefined while its files load (and for no slug); its editor loads meanwhile, once the page has painted. */
export function useLesson(slug: string | undefined): Lesson | undefined {
  useEffect(() => {
    if (slug === undefined) return;
    return afterFirstPaint(() => {
      courseStore.load(slug);
      void loadCodeEditor();
      void loadWorkspace();
    });
  }, [slug]);
  return useSyncExternalStore(courseStore.subscribe, () => (slug === undefined ? undefined : courseStore.lesson(slug)));
}

export function useSession(session: Session): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

function subscribeHash(listener: () => void): () => void {
  window.addEventListener("hashchange", listener);
  return () => window.removeEventListener("hashchange", listener);
}

/** The route is the hash (`#/lessons/03-race-conditions`), so any static host serves every page. */
export function useRoute(): string {
  return useSyncExternalStore(subscribeHash, () => window.location.hash.replace(/^#/, "") || "/");
}

export const lessonHref = (slug: string) => `#/lessons/${slug}`;
export const PLAYGROUND_HREF = "#/playground";
