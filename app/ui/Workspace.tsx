import { Suspense, lazy, memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { flushSync } from "react-dom";
import type { Lesson } from "../engine/course/lesson";
import type { Session } from "../engine/session";
import { Goals } from "./Goals";
import { ParamControls } from "./ParamControls";
import { PythonTab } from "./PythonTab";
import { UnsavedNotice } from "./UnsavedNotice";
import { OtherTabNotice } from "./OtherTabNotice";
import { RunBar } from "./RunBar";
import { RunStatus } from "./RunStatus";
import { ConsolePanel } from "./ConsolePanel";
import { SharedValues } from "./SharedValues";
import { TimelinePanel } from "./TimelinePanel";
import { FocusablePre } from "./FocusablePre";
import { useSkipTarget } from "./SkipLinks";
import type { EditorHandle, TypeProblem } from "./editor/CodeEditor";
import { errorMarkers } from "./error-markers";
import { withEditorSyntaxError } from "./syntax-error";
import { useSession } from "./hooks";
import { markRunning } from "./run-in-progress";
import { forget, saved } from "./storage";
import { useSavedCode } from "./saved-code";
import { loadCodeEditor } from "./editor/load-editor";
import { afterIdle } from "./after-idle";
import { afterEditorShows } from "./editor-shown";
import { ExplorePanel } from "./explore/ExplorePanel";
import { runnerPool } from "./runner-pool";
import { Explorer } from "../engine/explore/explorer";
import { browserDriver, browserStepControl } from "../engine/explore/browser-driver";
import { Stepper, type StepSnapshot } from "../engine/explore/stepper";
import { reachedStepGoals, reachedTaskStepGoals, stepRunGoals } from "../engine/explore/step-goals";
import { TaskStepper, type TaskStepSnapshot, type TaskStepStart } from "../engine/explore/task-stepper";
import { invariantPromise } from "../engine/explore/explorer";
import type { Option } from "../engine/explore/controller";
import { StepPanel } from "./explore/StepPanel";
import { SharedSchedule, shareLink } from "./explore/SharedSchedule";
import type { Share } from "../engine/explore/share";
import type { StepLine } from "./editor/CodeEditor";
import { TurnState } from "../runtime/turnstile";
import type { Params } from "../engine/session";
import { useMessages, type Say } from "./messages/messages";
import { usePageLanguage } from "./language";

const CodeEditor = lazy(loadCodeEditor);
// recharts comes when a lesson with charts is opened and the editor has drawn its code (editor-shown.ts), not with the first page.
const RunCharts = lazy(() =>
  afterEditorShows()
    .then(() => afterIdle())
    .then(() => import("./charts/RunCharts"))
    .then((module) => ({ default: module.RunCharts })),
);

type Tab = "scenario" | "python";

/** The right side of a lesson: code, parameters, run controls, status, goals and charts. */
interface WorkspaceProps {
  readonly lesson: Lesson;
  readonly session: Session;
  /** The share link the page was opened with: its code and parameters are shown (the student's own stay saved), its schedule offered. */
  readonly share: Share | null;
  /** This page's address, for share links. */
  readonly href: string;
  /** Share links carry the searched invariant as the page's promise: the playground's, which is the student's own. */
  readonly linksCarryPromise: boolean;
}

export const Workspace = memo(function Workspace({ lesson, session, share, href, linksCarryPromise }: WorkspaceProps) {
  const say = useMessages();
  const language = usePageLanguage();
  const snapshot = useSession(session);
  const [tab, setTab] = useState<Tab>("scenario");
  const [typeProblems, setTypeProblems] = useState<readonly TypeProblem[]>([]);
  // Both word what they add in the page's language, so they are made again when it changes.
  const last = useMemo(() => withEditorSyntaxError(snapshot.last, typeProblems, snapshot.source), [snapshot.last, typeProblems, snapshot.source, language]);
  const markers = useMemo(() => (last?.source === snapshot.source ? errorMarkers(last) : []), [last, snapshot.source]);
  // Code that does not parse has type errors that only echo the syntax error: show that one alone.
  const typeErrors = typeProblems.some((p) => p.syntax) ? [] : typeProblems;
  const explorer = useMemo(() => new Explorer(runnerPool(), browserDriver), []);
  const exploring = useSyncExternalStore(explorer.subscribe, () => explorer.running);
  const stepper = useMemo(() => new Stepper(runnerPool(), browserStepControl), []);
  const stepSnapshot = useSyncExternalStore(stepper.subscribe, stepper.getSnapshot);
  const taskStepper = useMemo(() => new TaskStepper(runnerPool()), []);
  const taskStepSnapshot = useSyncExternalStore(taskStepper.subscribe, taskStepper.getSnapshot);
  const stepping = stepper.active || taskStepper.active;
  const smallParams = Object.keys(lesson.stepParams).length > 0;
  /** A free run, a search or step mode goes on: the others wait. */
  const busy = snapshot.running !== null || exploring || stepping;
  useEffect(() => (busy ? markRunning(lesson.title) : undefined), [busy, lesson.title]);
  // Leaving the lesson ends what it started: a stepped run, a search.
  useEffect(
    () => () => {
      stepper.close();
      taskStepper.close();
      explorer.cancel();
    },
    [stepper, taskStepper, explorer],
  );
  /** Stop (and Esc) ends whatever goes on: a free run, a search, or step mode. */
  const stop = useCallback(() => {
    if (session.getSnapshot().running !== null) session.stop();
    else if (explorer.running) explorer.cancel();
    else {
      stepper.close();
      taskStepper.close();
    }
  }, [session, explorer, stepper, taskStepper]);
  const run = useCallback(() => {
    if (!explorer.running && !stepper.active && !taskStepper.active) void session.run();
  }, [session, explorer, stepper, taskStepper]);
  const startExplore = async () => {
    const { source, params } = await session.inputs();
    void explorer.start(source, exploreParams(params, lesson), lesson.invariant);
  };
  const step = (source: string, params: Params, moves: readonly Option[] = [], planned: readonly Option[] = []) => {
    taskStepper.close();
    void stepper.start({ source, params, goals: stepRunGoals(lesson.goals) }, moves, planned);
  };
  // An asyncio scenario's step mode also says whether the invariant held, as Explore would.
  const stepTasks = (source: string, params: Params, plan: readonly number[] | null = null, from: TaskStepStart = 0) => {
    stepper.close();
    void taskStepper.start({ source, params, goals: [...stepRunGoals(lesson.goals), ...invariantPromise(lesson.invariant)] }, plan, from);
  };
  // The runner refuses a gated run of an asyncio scenario: what the code declares chooses the step mode.
  const startStepping = async () => {
    const { source, params, declared } = await session.inputs();
    if (declared.status === "ready" && declared.asyncio) stepTasks(source, exploreParams(params, lesson));
    else step(source, exploreParams(params, lesson));
  };
  const reached = useMemo(
    () => [...reachedStepGoals(stepSnapshot, lesson.goals), ...reachedTaskStepGoals(taskStepSnapshot, lesson.goals)],
    [stepSnapshot, taskStepSnapshot, lesson.goals],
  );
  useEffect(() => session.markGoals(reached.map((goal) => goal.id)), [session, reached]);

  const editor = useRef<EditorHandle>(null);
  const runControls = useRef<HTMLDivElement>(null);
  // The editor may be behind the Python tab: shown first, so that it can take the focus.
  useSkipTarget("editor", () => {
    flushSync(() => setTab("scenario"));
    editor.current?.focus();
  });
  // While something runs, Run is disabled and Stop is the control wanted.
  useSkipTarget("run", () => runControls.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus());

  const { unsaved, otherTab } = useSavedCode(lesson, snapshot.source, (code) => session.setSource(code));
  useEffect(() => {
    if (share === null) saved.saveParams(lesson.slug, snapshot.params);
  }, [lesson.slug, snapshot.params, share]);
  useEffect(() => void saved.saveGoals(lesson.slug, snapshot.goalsMet), [lesson.slug, snapshot.goalsMet]);
  // Captured before the editor sees them, so the keys work wherever the focus is.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const runKey = (event.ctrlKey || event.metaKey) && event.key === "Enter";
      const busy = session.getSnapshot().running !== null || explorer.running || stepper.active || taskStepper.active;
      const stopKey = event.key === "Escape" && busy;
      if (!runKey && !stopKey) return;
      event.preventDefault();
      event.stopPropagation();
      if (runKey) run();
      else stop();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [run, stop, session, explorer, stepper, taskStepper]);

  const reset = () => {
    if (snapshot.source === lesson.scenario || window.confirm(say("code.confirmReset"))) {
      session.setSource(lesson.scenario);
    }
  };
  const [ownCode, setOwnCode] = useState(() => saved.ownCode(lesson.slug));
  const keepOwnCode = (code: string | undefined) => {
    saved.saveOwnCode(lesson.slug, code);
    setOwnCode(code);
  };
  const solve = () => {
    if (snapshot.source === lesson.solution) return;
    if (!window.confirm(say("code.confirmSolve"))) return;
    if (snapshot.source !== lesson.scenario) keepOwnCode(snapshot.source);
    session.setSource(lesson.solution);
  };
  const backToOwnCode = () => {
    if (ownCode === undefined) return;
    session.setSource(ownCode);
    keepOwnCode(undefined);
  };

  return (
    <div className="workspace">
      {/* What a phone shows as the Code view (lesson-view.ts); the rest is its Results view. */}
      <div className="work-code">
        {unsaved && <UnsavedNotice slug={lesson.slug} code={snapshot.source} />}
        {otherTab && <OtherTabNotice onLoad={otherTab.load} onKeep={otherTab.keep} />}
        <div className="tabs" role="tablist">
          <button role="tab" aria-selected={tab === "scenario"} onClick={() => setTab("scenario")} data-testid="tab-scenario">
            {say("code.scenarioTab")}
          </button>
          {lesson.reference !== "" && (
            <button role="tab" aria-selected={tab === "python"} onClick={() => setTab("python")} data-testid="tab-python">
              {say("code.pythonTab")}
            </button>
          )}
        </div>
        <div className="editor-frame" hidden={tab !== "scenario"}>
          <Suspense
            fallback={
              <FocusablePre label={say("code.loadingEditor")} className="code-fallback" data-testid="code-loading">
                {snapshot.source}
              </FocusablePre>
            }
          >
            <CodeEditor
              ref={editor}
              path={lesson.slug}
              value={snapshot.source}
              markers={markers}
              stepLines={taskStepper.active ? taskStepLines(taskStepSnapshot) : stepLines(stepSnapshot)}
              readOnly={stepping}
              onChange={(source) => session.setSource(source)}
              onTypeProblems={setTypeProblems}
            />
          </Suspense>
        </div>
        {tab === "python" && <PythonTab code={lesson.reference} />}
        {typeErrors.length > 0 && (
          <p className="notice warn" data-testid="type-problems">
            {typeErrorWords(typeErrors, say)}
          </p>
        )}
        <ParamControls snapshot={snapshot} lesson={lesson} locked={stepping} onChange={(name, value) => session.setParam(name, value)} />
        <RunBar
          ref={runControls}
          running={busy}
          onRun={run}
          onStop={stop}
          onReset={reset}
          onSolve={lesson.solution === "" ? undefined : solve}
          onOwnCode={ownCode === undefined ? undefined : backToOwnCode}
        />
      </div>
      <div className="work-results">
        <RunStatus running={snapshot.running} last={last} edited={last !== null && last.source !== snapshot.source} stepping={stepping} />
        <ConsolePanel session={session} running={snapshot.running !== null} last={last} />
        <SharedValues session={session} running={snapshot.running !== null} runIndex={snapshot.history.length} />
        <TimelinePanel session={session} running={snapshot.running !== null} runIndex={snapshot.history.length} />
        {share?.schedule && (
          <SharedSchedule
            schedule={share.schedule}
            source={snapshot.source}
            params={snapshot.params}
            disabled={busy}
            onStep={(taken, planned) => step(snapshot.source, snapshot.params, taken, planned)}
            onStepTasks={(choices, from) => stepTasks(snapshot.source, snapshot.params, choices, from)}
          />
        )}
        <StepPanel
          stepper={stepper}
          taskStepper={taskStepper}
          busy={snapshot.running !== null || exploring}
          reached={reached}
          smallParams={smallParams}
          onStart={() => void startStepping()}
        />
        <ExplorePanel
          explorer={explorer}
          busy={snapshot.running !== null || stepping}
          invariantText={lesson.invariant?.text ?? null}
          smallParams={smallParams}
          asyncio={snapshot.declared.status === "ready" && snapshot.declared.asyncio}
          source={snapshot.source}
          onExplore={() => void startExplore()}
          onReplay={(moves, planned, source, params) => step(source, params, moves, planned)}
          onReplayTasks={(choices, from, source, params) => stepTasks(source, params, choices, from)}
          shareLink={(source, params, schedule, invariant) =>
            shareLink(href, { lesson: lesson.slug, code: source, params, schedule, ...(linksCarryPromise ? { promise: invariant?.check ?? "" } : {}) })
          }
        />
        <Goals goals={lesson.goals} met={snapshot.goalsMet} last={last} />
        <p className="reset-lesson">
          <button onClick={() => resetLesson(lesson.slug, say)} data-testid="reset-lesson">
            {say("lesson.reset")}
          </button>{" "}
          <small>{say("lesson.resetNote")}</small>
        </p>
        {lesson.charts.length > 0 && (
          <Suspense fallback={null}>
            <RunCharts charts={lesson.charts} history={snapshot.history} />
          </Suspense>
        )}
      </div>
    </div>
  );
});

/** Explore searches every order of every step: the current parameters, made small by the lesson's stepParams. */
function exploreParams(params: Params, lesson: Lesson): Params {
  const small = Object.entries(lesson.stepParams).filter((entry): entry is [string, number | string] => typeof entry[1] !== "boolean");
  return { ...params, ...Object.fromEntries(small) };
}

const NO_STEP_LINES: readonly StepLine[] = [];

/** The line each unfinished worker has stopped at, while stepping. */
function stepLines(snapshot: StepSnapshot): readonly StepLine[] {
  if (snapshot.status !== "stepping" && snapshot.status !== "ended") return NO_STEP_LINES;
  return snapshot.pending.filter((p) => p.state !== TurnState.Done && p.line > 0).map(({ worker, line }) => ({ worker, line }));
}

/** While stepping tasks: the line where the last task step stopped, in its task's colour. */
function taskStepLines(snapshot: TaskStepSnapshot): readonly StepLine[] {
  if (snapshot.status !== "stepping" && snapshot.status !== "ended") return NO_STEP_LINES;
  const last = snapshot.steps.findLast((step) => step.lane > 0 && step.line > 0);
  return last ? [{ worker: last.lane - 1, line: last.line }] : NO_STEP_LINES;
}

/** The first type error, and how many more the editor underlines. */
function typeErrorWords(problems: readonly TypeProblem[], say: Say): string {
  const { line, message } = problems[0]!;
  const values = { line, message: message.replace(/\.$/, "") };
  return problems.length > 1 ? say("code.typeErrors", { ...values, more: problems.length - 1 }) : say("code.typeError", values);
}

function resetLesson(slug: string, say: Say): void {
  if (!confirm(say("lesson.confirmReset"))) return;
  forget(slug);
  location.reload();
}
