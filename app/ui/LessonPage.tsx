import { Suspense, lazy, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { sharedBy, type DecodedShare, type Share } from "../engine/explore/share";
import { freeRunGoals, type Lesson } from "../engine/course/lesson";
import { paramLabel } from "../engine/course/in-language";
import { language } from "../runtime/i18n/i18n";
import { Session } from "../engine/session";
import { IsolationNotice, isolationProblem } from "./IsolationNotice";
import { ProblemList } from "./ProblemList";
import { Prose } from "./LazyMarkdown";
import { ErrorBoundary } from "./ErrorBoundary";
import { FocusablePre } from "./FocusablePre";
import { runnerPool } from "./runner-pool";
import { afterEditorShows } from "./editor-shown";
import { saved } from "./storage";
import { useNarrowScreen } from "./narrow-screen";
import { useLessonView } from "./lesson-view";
import { ViewSwitch } from "./ViewSwitch";
import { loadWorkspace } from "./load-workspace";
import { StaleTranslationNotice } from "./StaleTranslationNotice";
import { useMessages } from "./messages/messages";

// The workspace (run controls, step mode, Explore, charts, timeline) is a chunk of its own, asked for as the page renders: the lesson's text paints without it.
const Workspace = lazy(() => loadWorkspace().then((module) => ({ default: module.Workspace })));

function openSession(lesson: Lesson, share: Share | null): Session {
  const own = saved.code(lesson.slug);
  // A shared link's code replaces the student's in the editor; theirs is kept for "Back to my code".
  if (share && own !== undefined && own !== share.code) saved.saveOwnCode(lesson.slug, own);
  return new Session({
    pool: runnerPool(),
    goals: freeRunGoals(lesson.goals),
    timeLimitMs: lesson.timeLimitMs,
    source: share?.code ?? own ?? lesson.scenario,
    params: share?.params ?? saved.params(lesson.slug),
    goalsMet: saved.goals(lesson.slug),
    describeWhen: afterEditorShows(),
    // Read when a value is checked: the page's language may have changed since the session opened.
    paramLabel: (name, declared) => paramLabel(lesson, language(), name, declared),
  });
}

interface LessonPageProps {
  readonly lesson: Lesson;
  /** This page's address, for share links. */
  readonly href: string;
  /** The share link the page was opened with, read; null without one. */
  readonly opened: DecodedShare | null;
  /** Its share links carry the page's promise (the playground). */
  readonly linksCarryPromise?: boolean;
  /** The lesson is read in a translation older than its English. */
  readonly staleTranslation?: boolean;
  readonly children?: ReactNode;
}

/** A lesson: its text (and `children` under it), and the workspace to run, step and explore its scenario. */
export function LessonPage({ lesson, href, opened, linksCarryPromise = false, staleTranslation = false, children }: LessonPageProps) {
  const say = useMessages();
  const [isolation] = useState(isolationProblem);
  const [session, setSession] = useState<Session | null>(null);
  const share = sharedBy(opened);

  // The session lives as long as the page shows this lesson; the playground changes its goals without a new one.
  const latestLesson = useRef(lesson);
  latestLesson.current = lesson;
  useEffect(() => {
    if (isolation) return;
    const opened = openSession(latestLesson.current, share);
    setSession(opened);
    return () => opened.dispose();
  }, [lesson.slug, isolation, share]);
  useEffect(() => session?.setGoals(freeRunGoals(lesson.goals)), [session, lesson.goals]);
  const narrow = useNarrowScreen();
  const { view, unseen, choose, top } = useLessonView(session, narrow);
  // Switching views renders the page again: the same element tells React the prose has not changed.
  const prose = useMemo(() => <Prose markdown={lesson.prose} />, [lesson.prose]);

  return (
    <div className="lesson" data-testid="lesson-page" data-view={narrow ? view : undefined} ref={top}>
      {narrow && <ViewSwitch view={view} unseen={unseen} onChoose={choose} />}
      <section className="lesson-text">
        <h1 data-testid="lesson-title">{lesson.title}</h1>
        {staleTranslation && <StaleTranslationNotice />}
        <ProblemList problems={lesson.problems} />
        {prose}
        {children}
      </section>
      <section className="lesson-work">
        {isolation && <IsolationNotice problem={isolation} />}
        {isolation && (
          <FocusablePre label={say("page.scenarioCode")} className="code-fallback">
            {lesson.scenario}
          </FocusablePre>
        )}
        {opened && "problem" in opened && (
          <p className="share-problem" role="alert" data-testid="share-problem">
            {opened.problem}
            {opened.openAt && (
              <>
                {" "}
                <a href={opened.openAt} data-testid="share-open-at">
                  {say("share.openThere")}
                </a>
              </>
            )}
          </p>
        )}
        {session && (
          <ErrorBoundary what={say("page.workspace")}>
            <Suspense fallback={null}>
              <Workspace key={lesson.slug} lesson={lesson} session={session} share={share} href={href} linksCarryPromise={linksCarryPromise} />
            </Suspense>
          </ErrorBoundary>
        )}
      </section>
    </div>
  );
}
