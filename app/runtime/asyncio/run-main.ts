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

export type ClockKind = "virtual" | "real";

export async function runMain(main: (loop: Loop) => Promise<void>, clock: ClockKind): Promise<void> {
  const loop = new EventLoop(clock === "real" ? new RealClock() : new VirtualClock());
  const { report } = await loop.run(() => main(loopApi(loop)));
  for (const note of reportNotes(report)) addRunNote(note);
}

/** What the loop saw go wrong without failing, as notes for the student. */
export function reportNotes({ leaked, swallowedCancels, unretrieved }: LoopReport): string[] {
  const notes: string[] = [];
  if (leaked.length > 0) notes.push(`Still pending when main returned, so cancelled as asyncio.run does: ${leaked.join(", ")}. Await your tasks (or use a task group) before main ends.`);
  for (const name of swallowedCancels) notes.push(`Task ${name} ended normally after it was cancelled: it swallowed CancelledError, which breaks timeouts and task groups. Re-raise it.`);
  for (const { task, error } of unretrieved) notes.push(`Task ${task} failed and nobody retrieved its exception: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}. Await the task, or use a task group.`);
  return notes;
}
