import { useMemo, useState } from "react";
import { LessonPage } from "./LessonPage";
import { PLAYGROUND, STARTER_PROMISE, promiseInvariant } from "./playground/playground";
import { saved } from "./storage";

/** The playground: the lesson page's workspace for any scenario, with a promise the student writes for explore. */
export function PlaygroundPage({ shared }: { shared: string | null }) {
  const [promise, setPromise] = useState(() => saved.promise() ?? STARTER_PROMISE);
  const lesson = useMemo(() => ({ ...PLAYGROUND, invariant: promiseInvariant(promise) }), [promise]);
  const change = (text: string) => {
    setPromise(text);
    saved.savePromise(text);
  };
  return (
    <LessonPage lesson={lesson} shared={shared}>
      <label className="promise">
        Promise (must hold after every run, over <code>result</code> and <code>params</code>):
        <input value={promise} spellCheck={false} onChange={(e) => change(e.currentTarget.value)} data-testid="playground-promise" />
      </label>
    </LessonPage>
  );
}
