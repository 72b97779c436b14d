/**
 * An asyncio scenario's body (api.ts, `defineAsyncScenario`): worker A runs
 * `main` on a fresh event loop, as `asyncio.run` does, and hands what the
 * loop saw go wrong without failing (leaked tasks, a swallowed cancellation,
 * an exception nobody retrieved) to the run's notes.
 */
import { RealClock, VirtualClock } from "./clock";
import { EventLoop, type LoopReport } from "./loop";
import { loopApi, type Loop } from "./loop-api";
import { addRunNote } from "../run-notes";
import { guardingLoopThread } from "./loop-thread-guard";
import { workerTrace } from "../trace";
import { LoopTrace } from "./loop-trace";
import { WorkerExecutor, type ExecutorChannel, type ExecutorSpec, type Job } from "./executor";
import type { WorkerContext } from "../api";
import type { ParamSpecs } from "../params";
import { runtimeMessage } from "../messages/message";

export type ClockKind = "virtual" | "real";

/** A pool of executor workers, and the queues and jobs it serves (executor.ts). */
export interface ExecutorPool extends ExecutorSpec {
  readonly channel: ExecutorChannel;
  readonly jobs: Readonly<Record<string, Job>>;
}

/** `main`'s run in a free run (step mode and Explore run it through task-schedule.ts), traced for the timeline. */
export async function runMain(main: (loop: Loop) => Promise<void>, clock: ClockKind, ctx: WorkerContext<ParamSpecs>, pool: ExecutorPool | null): Promise<void> {
  const executor = pool && new WorkerExecutor(pool.kind, pool.channel, pool.jobs);
  const loopClock = clock === "real" ? new RealClock() : new VirtualClock();
  const writer = workerTrace();
  const trace = writer && new LoopTrace(writer, loopClock);
  const loop = new EventLoop(loopClock, {
    executor: executor ? () => executor : undefined,
    cpu: clock === "real" ? (units) => void ctx.cpu(units) : undefined,
    observer: trace ?? undefined,
  });
  trace?.start();
  try {
    const { report } = await guardingLoopThread(loop, () => loop.run(() => main(loopApi(loop))));
    for (const note of reportNotes(report)) addRunNote(note);
  } finally {
    trace?.end();
    executor?.shutdown(pool!.workers);
  }
}

/** What the loop saw go wrong without failing, as notes for the student. */
export function reportNotes({ leaked, swallowedCancels, unretrieved }: LoopReport): string[] {
  const notes: string[] = [];
  if (leaked.length > 0) notes.push(runtimeMessage("asyncio.leaked", { tasks: leaked.join(", ") }));
  for (const task of swallowedCancels) notes.push(runtimeMessage("asyncio.swallowedCancel", { task }));
  for (const { task, error } of unretrieved) {
    notes.push(runtimeMessage("asyncio.unretrieved", { task, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
  }
  return notes;
}
