import { formatProblem, type Problem } from "../engine/course/problem";
import { useMessages } from "./messages/messages";

/** Content problems, shown the way `lessons:check` prints them. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const say = useMessages();
  if (problems.length === 0) return null;
  return (
    <div className="notice error" data-testid="lesson-problems">
      <strong>{say("page.contentProblems")}</strong>
      <ul>
        {problems.map((problem) => (
          <li key={formatProblem(problem)}>
            <code>{formatProblem(problem)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
