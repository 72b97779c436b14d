/**
 * What a task awaits, in the reader's language. The loop knows it only as
 * English words (a future's `waitsFor`: "lock L", "I/O of 0.1 s"), which
 * await-kinds.ts parses for the timeline's kinds and the trace carries as
 * they are; so they are translated here, where they are shown (step mode's
 * words, the deadlock message, the timeline's tooltip), and never changed
 * where they are made. In English each form comes back exactly as it was.
 */
import { runtimeMessage, type RuntimeKey } from "../messages/message";

/** Each maker's words (lock.ts, queue.ts, loop.ts, executor.ts...), most specific first: a job on a pool before a bare job. */
const FORMS: readonly (readonly [RegExp, RuntimeKey])[] = [
  [/^a future$/, "awaited.future"],
  [/^a sleep$/, "awaited.sleep"],
  [/^I\/O of (?<seconds>.+) s$/, "awaited.io"],
  [/^task (?<name>.+)$/, "awaited.task"],
  [/^its task group's tasks$/, "awaited.taskGroup"],
  [/^the next child of as_completed to finish$/, "awaited.asCompleted"],
  [/^job (?<name>.+) on the thread pool$/, "awaited.jobOnThreads"],
  [/^job (?<name>.+) on the process pool$/, "awaited.jobOnProcesses"],
  [/^job (?<name>.+)$/, "awaited.job"],
  [/^lock (?<name>.+)$/, "awaited.lock"],
  [/^semaphore (?<name>.+)$/, "awaited.semaphore"],
  [/^event (?<name>.+)$/, "awaited.event"],
  [/^a notify of condition (?<name>.+)$/, "awaited.notify"],
  [/^room in queue (?<name>.+)$/, "awaited.queueRoom"],
  [/^an item in queue (?<name>.+)$/, "awaited.queueItem"],
];

const GATHER = "a gather of ";

/** `waitsFor` in the current language; words of no known form come back as they are. */
export function awaitWords(waitsFor: string): string {
  // gather.ts joins its children's words with ", ": each is translated on its own (a nested gather's children read as the outer one's).
  if (waitsFor.startsWith(GATHER)) {
    const items = waitsFor.slice(GATHER.length).split(", ").map(awaitWords);
    return runtimeMessage("awaited.gather", { items: items.join(runtimeMessage("awaited.gatherJoin")) });
  }
  for (const [form, key] of FORMS) {
    const match = form.exec(waitsFor);
    if (match) return runtimeMessage(key, { ...match.groups });
  }
  return waitsFor;
}
