import { useEffect, useState } from "react";
import type { Lesson } from "../engine/course/lesson";
import { Session } from "../engine/session";
import { IsolationNotice, isolationProblem } from "./IsolationNotice";
import { ProblemList } from "./ProblemList";
import { Prose } from "./Prose";
import { Workspace } from "./Workspace";
import { ErrorBoundary } from "./ErrorBoundary";
import { runnerPool } from "./runner-pool";
import { saved } from "./storage";

function openSession(lesson: Lesson): Session {
  return new Session({
    pool: runnerPool(),
    goals: lesson.goals,
    timeLimitMs: lesson.timeLimitMs,
    source: saved.code(lesson.slug) ?? lesson.scenario,
    params: saved.params(lesson.slug),
    goalsMet: saved.goals(lesson.slug),
  });
}

export function LessonPage({ lesson }: { lesson: Lesson }) {
  const [isolation] = useState(isolationProblem);
  const [session, setSession] = useState<Session | null>(null);

  useEffect(() => {
    if (isolation) return;
    const opened = openSession(lesson);
    setSession(opened);
    return () => opened.dispose();
  }, [lesson, isolation]);

  return (
    <div className="lesson" data-testid="lesson-page">
      <section className="lesson-text">
        <h1 data-testid="lesson-title">{lesson.title}</h1>
        <ProblemList problems={lesson.problems} />
        <Prose markdown={lesson.prose} />
      </section>
      <section className="lesson-work">
        {isolation && <IsolationNotice problem={isolation} />}
        {isolation && <pre className="code-fallback">{lesson.scenario}</pre>}
        {session && (
          <ErrorBoundary what="workspace">
            <Workspace key={lesson.slug} lesson={lesson} session={session} />
          </ErrorBoundary>
        )}
      </section>
    </div>
  );
}
