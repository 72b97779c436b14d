import { memo } from "react";
import type { Goal } from "../engine/course/lesson";
import type { RunRecord } from "../engine/session";

/** The lesson's goals: ticked once any run meets them; beside each, a check that threw, or a met goal the last run missed. */
export const Goals = memo(function Goals({ goals, met, last }: { goals: readonly Goal[]; met: ReadonlySet<string>; last: RunRecord | null }) {
  if (goals.length === 0) return null;
  const lastGoals = last?.outcome.status === "done" ? last.outcome.goals : [];
  return (
    <section className="goals" data-testid="goals">
      <h2>
        Goals <small>{[...met].filter((id) => goals.some((g) => g.id === id)).length} of {goals.length}</small>
      </h2>
      <ul>
        {goals.map((goal) => {
          const verdict = lastGoals.find((g) => g.id === goal.id);
          return (
            <li key={goal.id} className={met.has(goal.id) ? "met" : undefined} data-testid={`goal-${goal.id}`} data-met={met.has(goal.id)}>
              <span className="tick" aria-label={met.has(goal.id) ? "met" : "not met yet"}>
                {met.has(goal.id) ? "✔" : "○"}
              </span>
              <span>
                {goal.step && <small className="step-goal-tag">Step mode: </small>}
                <InlineCode text={goal.text} />
                {verdict?.error && <small className="goal-error"> (check failed: {verdict.error})</small>}
                {verdict && !verdict.error && !verdict.passed && met.has(goal.id) && (
                  <small className="goal-missed" data-testid={`goal-missed-${goal.id}`}>
                    {" "}
                    (met before, but not by the last run)
                  </small>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
});

/** Goal texts are one line of prose where `backticks` mark code. */
function InlineCode({ text }: { text: string }) {
  return <>{text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
