import { useEffect, useState } from "react";
import type { Lesson } from "../engine/course/lesson";
import { saved } from "./storage";

/** Another tab's edit of this lesson, and the student's two ways out. */
export interface OtherTabEdit {
  load(): void;
  keep(): void;
}

/**
 * The student's code kept in the browser as they type. Says when storage
 * refused it; and when another tab saved a different code for the lesson,
 * saves nothing over it until the student loads it (`load`) or keeps their own.
 */
export function useSavedCode(lesson: Lesson, source: string, load: (code: string) => void): { readonly unsaved: boolean; readonly otherTab: OtherTabEdit | null } {
  const [unsaved, setUnsaved] = useState(false);
  const [otherTab, setOtherTab] = useState<string | null>(null);
  useEffect(() => saved.onOtherTabCode(lesson.slug, (code) => setOtherTab(code ?? lesson.scenario)), [lesson]);
  const conflict = otherTab !== null && otherTab !== source;
  useEffect(() => {
    if (conflict) return;
    // The same code in both tabs is no conflict, now or after later edits.
    setOtherTab(null);
    setUnsaved(!saved.saveCode(lesson.slug, source === lesson.scenario ? undefined : source));
  }, [lesson, source, conflict]);
  if (!conflict) return { unsaved, otherTab: null };
  return {
    unsaved,
    otherTab: {
      load: () => {
        load(otherTab);
        setOtherTab(null);
      },
      keep: () => setOtherTab(null),
    },
  };
}
