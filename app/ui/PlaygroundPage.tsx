import { useMemo, useState } from "react";
import { sharedBy, type DecodedShare } from "../engine/explore/share";
import { LessonPage } from "./LessonPage";
import { openingPromise } from "./playground/playground";
import { playgroundLesson } from "./playground/playground-lesson";
import { saved } from "./storage";
import { PLAYGROUND_HREF } from "./hooks";

/**
 * The playground: the lesson page's workspace for any scenario, with a promise the student writes for explore.
 * A share link's promise is shown for that link only: the saved one changes when the student edits it.
 */
export function PlaygroundPage({ opened }: { opened: DecodedShare | null }) {
  const [opening] = useState(() => openingPromise(sharedBy(opened), saved.promise()));
  const [promise, setPromise] = useState(opening.promise);
  const lesson = useMemo(() => playgroundLesson(promise), [promise]);
  const change = (text: string) => {
    setPromise(text);
    saved.savePromise(text);
  };
  return (
    <LessonPage lesson={lesson} href={PLAYGROUND_HREF} opened={opened} linksCarryPromise>
      <label className="promise">
        Promise (must hold after every run, over <code>result</code> and <code>params</code>):
        <input value={promise} spellCheck={false} onChange={(e) => change(e.currentTarget.value)} data-testid="playground-promise" />
      </label>
      {opening.note && (
        <p className="notice" data-testid="share-promise-note">
          {opening.note}
        </p>
      )}
    </LessonPage>
  );
}
