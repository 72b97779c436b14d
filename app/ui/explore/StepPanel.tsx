/**
 * Step mode on the lesson page: the student moves the workers one step at a
 * time. Each worker shows what it will do next (or what it waits on) and has
 * a button; its line is highlighted in the editor in its colour. The
 * shared values follow every step. Keys: the worker's letter steps it.
 * An asyncio scenario is stepped by task instead (TaskStepping.tsx).
 */
import { useEffect, useSyncExternalStore } from "react";
import type { Option } from "../../engine/explore/controller";
import type { Stepper, StepSnapshot } from "../../engine/explore/stepper";
import { workerName } from "../../runtime/protocol";
import { TurnState } from "../../runtime/turnstile";
import { stepWords } from "./step-words";
import { gilKeeps } from "../../engine/explore/gil-switches";
import type { Goal } from "../../engine/course/lesson";
import type { TaskStepper } from "../../engine/explore/task-stepper";
import { TaskStepping } from "./TaskStepping";
import { PlayPause } from "./PlayPause";
import { useMessages, type Say } from "../messages/messages";
import { paramsWords } from "./params-words";
import { objectWords } from "../../engine/timeline/object-names";

interface Props {
  readonly stepper: Stepper;
  /** Step mode for asyncio scenarios: shown instead while it is open. */
  readonly taskStepper: TaskStepper;
  /** A free run or a search is going on. */
  readonly busy: boolean;
  /** The lesson's step goals this stepped run has reached. */
  readonly reached: readonly Goal[];
  /** The lesson gives step mode small parameters of its own (stepParams). */
  readonly smallParams: boolean;
  onStart(): void;
}

export function StepPanel({ stepper, taskStepper, busy, reached, smallParams, onStart }: Props) {
  const threads = useSyncExternalStore(stepper.subscribe, stepper.getSnapshot);
  const tasks = useSyncExternalStore(taskStepper.subscribe, taskStepper.getSnapshot);
  useStepKeys(stepper);
  const say = useMessages();
  const snapshot = tasks.status === "off" ? threads : tasks;
  return (
    <section className="step-mode" data-testid="step-mode" data-status={snapshot.status} data-tasks={tasks.status !== "off"}>
      <h2>{say("step.title")}</h2>
      {tasks.status === "stepping" || tasks.status === "ended" ? (
        <TaskStepping stepper={taskStepper} snapshot={tasks} smallParams={smallParams} />
      ) : threads.status === "stepping" || threads.status === "ended" ? (
        <Stepping stepper={stepper} snapshot={threads} smallParams={smallParams} />
      ) : snapshot.status === "starting" ? (
        <p>{say("step.starting")}</p>
      ) : (
        <>
          <p className="explore-what">{say("step.intro")}</p>
          <button onClick={onStart} disabled={busy} data-testid="step-start">
            {say("step.start")}
          </button>
          {snapshot.status === "refused" && <p className="explore-problem">{snapshot.message}</p>}
        </>
      )}
      {reached.map((goal) => (
        <p key={goal.id} className="goal-reached" role="status" data-testid={`step-goal-reached-${goal.id}`}>
          {say("step.goalReached", { goal: goal.text })}
        </p>
      ))}
    </section>
  );
}

type Open = Extract<StepSnapshot, { status: "stepping" | "ended" }>;

/** Between the steps of a played schedule: slow enough to follow the interleaving, quick enough not to bore. */

function Stepping({ stepper, snapshot, smallParams }: { stepper: Stepper; snapshot: Open; smallParams: boolean }) {
  const { pending, options } = snapshot;
  const live = snapshot.status === "stepping";
  const next = snapshot.planned[0];
  const say = useMessages();
  const params = paramsWords(say, snapshot.params);
  return (
    <>
      <p className="explore-what" data-testid="step-params">
        {say(smallParams ? "step.paramsSmall" : "step.params", { params })}
      </p>
      <ul className="step-workers">
        {pending.map((p) => {
          const move = options.find((o) => o.worker === p.worker && !o.timeout);
          const timeout = options.find((o) => o.worker === p.worker && o.timeout);
          const name = workerName(p.worker);
          return (
            <li key={p.worker} className={`step-w${p.worker % 4}`} data-testid={`step-worker-${name}`}>
              <strong>{name}</strong> {nextWords(say, p, snapshot, move !== undefined)}
              {p.line > 0 && p.state !== TurnState.Done && <small>{say("step.line", { line: p.line })}</small>}{" "}
              <button onClick={() => void stepper.step(move!)} disabled={!move || !live} data-testid={`step-${name}`} title={say("step.stepWorkerTitle", { worker: name })}>
                {say("step.stepWorker", { worker: name })}
              </button>
              {timeout && (
                <button onClick={() => void stepper.step(timeout)} disabled={!live} data-testid={`step-timeout-${name}`}>
                  {say("step.timeOut")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {next && live && (
        <p className="step-plan" data-testid="step-plan">
          {say("step.following", { worker: workerName(next.worker), left: snapshot.planned.length, total: snapshot.taken.length + snapshot.planned.length })}{" "}
          <button onClick={() => void stepper.follow()} data-testid="step-follow">
            {say("step.nextStep", { worker: workerName(next.worker) })}
          </button>
          <PlayPause playing={snapshot.playing} play={(delayMs) => stepper.play(delayMs)} pause={() => stepper.pause()} />
          <small> {say("step.takeOver")}</small>
        </p>
      )}
      {snapshot.last && (
        <p className="step-last" data-testid="step-last">
          {say("step.last", { worker: workerName(snapshot.last.worker), words: stepWords(snapshot.last, snapshot.objects) })}
        </p>
      )}
      {snapshot.gil && <GilNote snapshot={snapshot} />}
      <p className="step-controls">
        <button onClick={() => void stepper.undo()} disabled={snapshot.taken.length === 0} data-testid="step-undo">
          {say("step.undo")}
        </button>
        <button onClick={() => void stepper.restart()} data-testid="step-restart">
          {say("step.restart")}
        </button>
        <button onClick={() => void stepper.runToEnd()} disabled={snapshot.status !== "stepping"} data-testid="step-run-to-end">
          {say("step.runToEnd")}
        </button>
        <button onClick={() => stepper.close()} data-testid="step-close">
          {say("step.leave")}
        </button>
        <span data-testid="step-count"> {say("step.count", { count: snapshot.taken.length })}</span>
      </p>
      <p data-testid="step-values">
        {snapshot.values.map((v) => (
          <span key={v.name} className="step-value">
            {v.name}: <b data-testid={`step-value-${v.name}`}>{String(v.value)}</b>{" "}
          </span>
        ))}
      </p>
      {snapshot.capped && (
        <p className="step-capped" role="status" data-testid="step-capped">
          {snapshot.capped}
        </p>
      )}
      {snapshot.problem && (
        <p className="explore-problem" data-testid="step-problem">
          {snapshot.problem}
        </p>
      )}
      {snapshot.outcome?.status === "done" && (
        <p data-testid="step-result">
          {say("step.finished")} <code>{JSON.stringify(snapshot.outcome.result)}</code>
        </p>
      )}
      {snapshot.outcome?.status === "error" && (
        <p className="explore-problem" data-testid="step-result">
          {snapshot.outcome.error.message}
        </p>
      )}
    </>
  );
}

/** Under the GIL: which moves CPython would not make here (engine/explore/gil-switches.ts). */
function GilNote({ snapshot }: { snapshot: Open }) {
  const say = useMessages();
  const { last, pending, options } = snapshot;
  const keeps = gilKeeps(last, pending);
  const othersCanMove = keeps !== null && options.some((o) => o.worker !== keeps.worker);
  if (last?.gilRulesOut) {
    const held = workerName(last.gilRulesOut.worker);
    return (
      <p className="step-gil" data-testid="step-gil" data-kind="ruled-out">
        {say("step.gil.ruledOut", { worker: workerName(last.worker), held })}
      </p>
    );
  }
  if (!othersCanMove) return null;
  return (
    <p className="step-gil" data-testid="step-gil" data-kind="keeps">
      {say("step.gil.keeps", { worker: workerName(keeps.worker) })}
    </p>
  );
}

function nextWords(say: Say, p: Open["pending"][number], snapshot: Open, canMove: boolean): string {
  if (p.state === TurnState.Done) return say("step.worker.finished");
  if (p.state === TurnState.Running) return say("step.worker.running");
  if (p.state === TurnState.Blocked) return say(canMove ? "step.worker.canWake" : "step.worker.blocked", { ...objectWords(snapshot.objects, p.object) });
  const value = snapshot.nextReads[p.worker] ?? null;
  const words = stepWords({ ...p, timeout: false, preemption: false, value, before: null, blocks: false, gilRulesOut: null }, snapshot.objects);
  return say("step.worker.next", { words });
}

/** A worker's letter steps it, unless the focus is in a text field or the editor. */
function useStepKeys(stepper: Stepper): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey || target?.closest("input, select, textarea, .monaco-editor")) return;
      // The store's state now, not the last render's: a key may come before React has repainted.
      const now = stepper.getSnapshot();
      if (now.status !== "stepping" || event.key.length !== 1) return;
      const worker = event.key.toUpperCase().charCodeAt(0) - 65;
      const move: Option | undefined = now.options.find((o) => o.worker === worker && !o.timeout);
      if (!move) return;
      event.preventDefault();
      void stepper.step(move);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [stepper]);
}
