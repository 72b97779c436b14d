import { memo } from "react";
import type { Goal } from "../engine/course/lesson";
import type { RunRecord } from "../engine/session";
import { useMessages } from "./messages/messages";

/** The lesson's goals: ticked once any run meets them; beside each, a check that threw, or a met goal the last run missed. */
export const Goals = memo(function Goals({ goals, met, last }: { goals: readonly Goal[]; met: ReadonlySet<string>; last: RunRecord | null }) {
  const say = useMessages();
  if (goals.length === 0) return null;
  const lastGoals = last?.outcome.status === "done" ? last.outcome.goals : [];
  return (
    <section className="goals" data-testid="goals">
      <h2>
        {say("goals.title")} <small>{say("goals.count", { met: [...met].filter((id) => goals.some((g) => g.id === id)).length, total: goals.length })}</small>
      </h2>
      <ul>
        {goals.map((goal) => {
          const verdict = lastGoals.find((g) => g.id === goal.id);
          return (
            <li key={goal.id} className={met.has(goal.id) ? "met" : undefined} data-testid={`goal-${goal.id}`} data-met={met.has(goal.id)}>
              <span className="tick" aria-label={say(met.has(goal.id) ? "goals.met" : "goals.notMet")}>
                {met.has(goal.id) ? "✔" : "○"}
              </span>
              <span>
                {goal.step && <small className="step-goal-tag">{say("goals.stepTag")}</small>}
                <InlineCode text={goal.text} />
                {verdict?.error && <small className="goal-error">{say("goals.checkFailed", { error: verdict.error })}</small>}
                {verdict && !verdict.error && !verdict.passed && met.has(goal.id) && (
                  <small className="goal-missed" data-testid={`goal-missed-${goal.id}`}>
                    {say("goals.missed")}
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
