import type { LessonView } from "./lesson-view";

const VIEWS: readonly (readonly [LessonView, string])[] = [
  ["read", "Read"],
  ["code", "Code"],
  ["results", "Results"],
];

/** On a phone, the lesson's views one at a time: the prose, the code with its parameters and Run, what the runs did. */
export function ViewSwitch({ view, unseen, onChoose }: { view: LessonView; unseen: boolean; onChoose(view: LessonView): void }) {
  return (
    <div className="view-switch" role="group" aria-label="Lesson view" data-testid="view-switch">
      {VIEWS.map(([id, label]) => (
        <button key={id} aria-pressed={view === id} onClick={() => onChoose(id)} data-testid={`view-${id}`}>
          {label}
          {id === "results" && unseen && (
            <span className="view-badge" data-testid="view-results-new">
              new
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
