import { useMemo, useState } from "react";
import { Trans } from "react-i18next";
import { sharedBy, type DecodedShare } from "../engine/explore/share";
import { LessonPage } from "./LessonPage";
import { openingPromise } from "./playground/playground";
import { playgroundLesson } from "./playground/playground-lesson";
import { saved } from "./storage";
import { PLAYGROUND_HREF } from "./hooks";
import { usePageLanguage } from "./language";
import { lessonIn } from "../engine/course/in-language";
import type { UiKey } from "./messages/messages";

/**
 * The playground: the lesson page's workspace for any scenario, with a promise the student writes for explore.
 * A share link's promise is shown for that link only: the saved one changes when the student edits it.
 */
export function PlaygroundPage({ opened }: { opened: DecodedShare | null }) {
  const [opening] = useState(() => openingPromise(sharedBy(opened), saved.promise()));
  const [promise, setPromise] = useState(opening.promise);
  const language = usePageLanguage();
  // The promise's goal is worded when the lesson is made: made again in another language.
  const lesson = useMemo(() => lessonIn(playgroundLesson(promise), language), [promise, language]);
  const change = (text: string) => {
    setPromise(text);
    saved.savePromise(text);
  };
  return (
    <LessonPage lesson={lesson} href={PLAYGROUND_HREF} opened={opened} linksCarryPromise>
      <label className="promise">
        <Trans ns="ui" i18nKey={"playground.promise" satisfies UiKey} components={{ code: <code /> }} />
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
