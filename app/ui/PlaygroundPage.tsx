import { useMemo, useState } from "react";
import { LessonPage } from "./LessonPage";
import { PLAYGROUND, PROMISE_GOAL, STARTER_PROMISE, promiseInvariant } from "./playground/playground";
import { saved } from "./storage";

/** The playground: the lesson page's workspace for any scenario, with a promise the student writes for explore. */
export function PlaygroundPage({ shared }: { shared: string | null }) {
  const [promise, setPromise] = useState(() => saved.promise() ?? STARTER_PROMISE);
  const lesson = useMemo(() => {
    const invariant = promiseInvariant(promise);
    // Runs check the promise too, as the playground's one goal.
    const goals = invariant ? [{ id: PROMISE_GOAL, text: `The promise holds: \`${invariant.check}\``, check: invariant.check }] : [];
    return { ...PLAYGROUND, invariant, goals };
  }, [promise]);
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
