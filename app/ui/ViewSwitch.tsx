import type { LessonView } from "./lesson-view";
import { useMessages, type UiKey } from "./messages/messages";

const VIEWS: readonly (readonly [LessonView, UiKey])[] = [
  ["read", "view.read"],
  ["code", "view.code"],
  ["results", "view.results"],
];

/** On a phone, the lesson's views one at a time: the prose, the code with its parameters and Run, what the runs did. */
export function ViewSwitch({ view, unseen, onChoose }: { view: LessonView; unseen: boolean; onChoose(view: LessonView): void }) {
  const say = useMessages();
  return (
    <div className="view-switch" role="group" aria-label={say("view.switch")} data-testid="view-switch">
      {VIEWS.map(([id, label]) => (
        <button key={id} aria-pressed={view === id} onClick={() => onChoose(id)} data-testid={`view-${id}`}>
          {say(label)}
          {id === "results" && unseen && (
            <span className="view-badge" data-testid="view-results-new">
              {say("view.new")}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
