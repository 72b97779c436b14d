import { useMemo, useState } from "react";
import { LessonPage } from "./LessonPage";
import { STARTER_PROMISE, playgroundLesson } from "./playground/playground";
import { saved } from "./storage";
import { PLAYGROUND_HREF } from "./hooks";

/** The playground: the lesson page's workspace for any scenario, with a promise the student writes for explore. */
export function PlaygroundPage({ shared }: { shared: string | null }) {
  const [promise, setPromise] = useState(() => saved.promise() ?? STARTER_PROMISE);
  const lesson = useMemo(() => playgroundLesson(promise), [promise]);
  const change = (text: string) => {
    setPromise(text);
    saved.savePromise(text);
  };
  return (
    <LessonPage lesson={lesson} href={PLAYGROUND_HREF} shared={shared}>
      <label className="promise">
        Promise (must hold after every run, over <code>result</code> and <code>params</code>):
        <input value={promise} spellCheck={false} onChange={(e) => change(e.currentTarget.value)} data-testid="playground-promise" />
      </label>
    </LessonPage>
  );
}
