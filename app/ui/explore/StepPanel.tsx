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
  const snapshot = tasks.status === "off" ? threads : tasks;
  return (
    <section className="step-mode" data-testid="step-mode" data-status={snapshot.status} data-tasks={tasks.status !== "off"}>
      <h2>Step mode</h2>
      {tasks.status === "stepping" || tasks.status === "ended" ? (
        <TaskStepping stepper={taskStepper} snapshot={tasks} smallParams={smallParams} />
      ) : threads.status === "stepping" || threads.status === "ended" ? (
        <Stepping stepper={stepper} snapshot={threads} smallParams={smallParams} />
      ) : snapshot.status === "starting" ? (
        <p>Starting the workers…</p>
      ) : (
        <>
          <p className="explore-what">
            Be the scheduler: move each worker one step at a time (one shared read or write, one lock or queue call), in any order you like; or, in
            asyncio, each task from one await to the next, choosing which I/O arrives when.
          </p>
          <button onClick={onStart} disabled={busy} data-testid="step-start">
            Step through
          </button>
          {snapshot.status === "refused" && <p className="explore-problem">{snapshot.message}</p>}
        </>
      )}
      {reached.map((goal) => (
        <p key={goal.id} className="goal-reached" role="status" data-testid={`step-goal-reached-${goal.id}`}>
          Goal reached: {goal.text}
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
  const params = Object.entries(snapshot.params).map(([name, value]) => `${name} ${String(value)}`);
  return (
    <>
      <p className="explore-what" data-testid="step-params">
        {smallParams ? "Stepping with the lesson's small parameters" : "Stepping with the parameters"}: {params.join(", ")}.
      </p>
      <ul className="step-workers">
        {pending.map((p) => {
          const move = options.find((o) => o.worker === p.worker && !o.timeout);
          const timeout = options.find((o) => o.worker === p.worker && o.timeout);
          const name = workerName(p.worker);
          return (
            <li key={p.worker} className={`step-w${p.worker % 4}`} data-testid={`step-worker-${name}`}>
              <strong>{name}</strong> {nextWords(p, snapshot, move !== undefined)}
              {p.line > 0 && p.state !== TurnState.Done && <small> (line {p.line})</small>}{" "}
              <button onClick={() => void stepper.step(move!)} disabled={!move || !live} data-testid={`step-${name}`} title={`Step ${name} (key ${name})`}>
                Step {name}
              </button>
              {timeout && (
                <button onClick={() => void stepper.step(timeout)} disabled={!live} data-testid={`step-timeout-${name}`}>
                  Time out
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {next && live && (
        <p className="step-plan" data-testid="step-plan">
          Following the schedule: {workerName(next.worker)} moves next, {snapshot.planned.length} of {snapshot.taken.length + snapshot.planned.length} steps to
          go.{" "}
          <button onClick={() => void stepper.follow()} data-testid="step-follow">
            Next step ({workerName(next.worker)})
          </button>
          <PlayPause playing={snapshot.playing} play={(delayMs) => stepper.play(delayMs)} pause={() => stepper.pause()} />
          <small> Or move any worker yourself to take over.</small>
        </p>
      )}
      {snapshot.last && (
        <p className="step-last" data-testid="step-last">
          Last step: {workerName(snapshot.last.worker)} {stepWords(snapshot.last, snapshot.objects)}
        </p>
      )}
      {snapshot.gil && <GilNote snapshot={snapshot} />}
      <p className="step-controls">
        <button onClick={() => void stepper.undo()} disabled={snapshot.taken.length === 0} data-testid="step-undo">
          Undo
        </button>
        <button onClick={() => void stepper.restart()} data-testid="step-restart">
          Restart
        </button>
        <button onClick={() => void stepper.runToEnd()} disabled={snapshot.status !== "stepping"} data-testid="step-run-to-end">
          Run to end
        </button>
        <button onClick={() => stepper.close()} data-testid="step-close">
          Leave step mode
        </button>
        <span data-testid="step-count"> {snapshot.taken.length} {snapshot.taken.length === 1 ? "step" : "steps"}</span>
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
          Every worker has finished. Result: <code>{JSON.stringify(snapshot.outcome.result)}</code>
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
  const { last, pending, options } = snapshot;
  const keeps = gilKeeps(last, pending);
  const othersCanMove = keeps !== null && options.some((o) => o.worker !== keeps.worker);
  if (last?.gilRulesOut) {
    const held = workerName(last.gilRulesOut.worker);
    return (
      <p className="step-gil" data-testid="step-gil" data-kind="ruled-out">
        CPython's GIL would not have let {workerName(last.worker)} move there: {held} was between two steps with no function call and no loop iteration
        between them, and CPython hands the GIL over only at those. Real cores without a GIL (free-threaded Python) can interleave so.
      </p>
    );
  }
  if (!othersCanMove) return null;
  return (
    <p className="step-gil" data-testid="step-gil" data-kind="keeps">
      With CPython's GIL only {workerName(keeps.worker)} could move now: since its last step it has made no function call and begun no loop iteration,
      where CPython would hand the GIL over. Moving another worker here shows what real cores without a GIL can do.
    </p>
  );
}

function nextWords(p: Open["pending"][number], snapshot: Open, canMove: boolean): string {
  if (p.state === TurnState.Done) return "has finished";
  if (p.state === TurnState.Running) return "is running and has not reached a scheduling point";
  const value = snapshot.nextReads[p.worker] ?? null;
  const words = stepWords({ ...p, timeout: false, preemption: false, value, before: null, blocks: false, gilRulesOut: null }, snapshot.objects);
  if (p.state === TurnState.Blocked) return canMove ? `can ${words.replace(/^wakes/, "wake")}` : `is blocked, waiting on ${words.replace(/^wakes on /, "")}`;
  return `will next: ${words}`;
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
