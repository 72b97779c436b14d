/**
 * A deadlock in words, for the watchdog's report (and Explore's, which asks
 * the watchdog): who waits for what, said as only that kind of object allows.
 * Locks, RLocks and semaphores have holders (a semaphore's are the workers
 * that took permits and have not released them, semaphore.ts); nobody holds
 * an event, a condition, a barrier or a queue, so waits on them name no one.
 */
import type { Allocation } from "../runtime/memory";
import { workerName } from "../runtime/protocol";
import { barrierWaiting } from "../runtime/sync/barrier";
import { ALL_DONE, NOT_EMPTY, NOT_FULL } from "../runtime/sync/queue-layout";
import type { WaitEdge } from "./watchdog";
import { engineMessage } from "./messages/message";
import { kindWord } from "./timeline/object-names";

/** What a worker can hold, as waited for: "lock fork_a", "a permit of semaphore s". */
const HELD: Readonly<Record<string, (name: string) => string>> = {
  lock: (name) => engineMessage("deadlock.held.lock", { name }),
  rlock: (name) => engineMessage("deadlock.held.rlock", { name }),
  semaphore: (name) => engineMessage("deadlock.held.semaphore", { name }),
  "bounded-semaphore": (name) => engineMessage("deadlock.held.boundedSemaphore", { name }),
};

function heldWords(kind: string, name: string): string {
  return HELD[kind]?.(name) ?? labelled(kind, name);
}

function labelled(kind: string, name: string): string {
  return engineMessage("object.labelled", { kind: kindWord(kind), name });
}

const QUEUES: Readonly<Record<string, () => string>> = {
  queue: () => engineMessage("deadlock.queue.queue"),
  "lifo-queue": () => engineMessage("deadlock.queue.lifo"),
  "priority-queue": () => engineMessage("deadlock.queue.priority"),
};

/**
 * What a worker blocked on `object`, sleeping on `word`, waits for, without
 * its holder: "waits for lock fork_a", "waits for room in queue jobs".
 */
export function waitWords(words: Int32Array, object: Allocation, word: number): string {
  const { kind, name, index } = object;
  if (kind in HELD) return engineMessage("deadlock.waits.held", { what: heldWords(kind, name) });
  if (kind === "event") return engineMessage("deadlock.waits.event", { name });
  if (kind === "condition") return engineMessage("deadlock.waits.condition", { name });
  if (kind === "barrier") return engineMessage("deadlock.waits.barrier", { name, count: barrierWaiting(words, index) });
  const queue = QUEUES[kind]?.();
  if (queue === undefined) return engineMessage("deadlock.waits.other", { kind: kindWord(kind), name });
  // Which of the queue's conditions it sleeps on says which call blocked.
  const waits: Readonly<Record<number, () => string>> = {
    [NOT_EMPTY]: () => engineMessage("deadlock.waits.item", { queue, name }),
    [NOT_FULL]: () => engineMessage("deadlock.waits.room", { queue, name }),
    [ALL_DONE]: () => engineMessage("deadlock.waits.join", { queue, name }),
  };
  return waits[word - index]?.() ?? engineMessage("deadlock.waits.other", { kind: queue, name });
}

/** A deadlock message without its "Deadlock: " (in this realm's language), to go on after another sentence. */
export function withoutDeadlockLabel(message: string): string {
  const label = engineMessage("deadlock.label");
  return message.startsWith(label) ? message.slice(label.length) : message;
}

/** The deadlock of a cycle in the wait-for graph: each worker waits for what the next one holds. */
export function cycleMessage(cycle: readonly WaitEdge[]): string {
  const [first] = cycle;
  if (cycle.length === 1 && first) return selfWaitMessage(first);
  const steps = cycle.map((e, i) => engineMessage(i === 0 ? "deadlock.cycleFirst" : "deadlock.cycleNext", { worker: workerName(e.worker), waits: e.waits, holder: workerName(e.holder) }));
  return engineMessage("deadlock.cycle", { worker: workerName(cycle[0]!.worker), steps: steps.join("") });
}

function selfWaitMessage(edge: WaitEdge): string {
  const values = { who: engineMessage("deadlock.worker", { worker: workerName(edge.worker) }), waits: edge.waits, worker: workerName(edge.worker) };
  if (edge.kind === "lock") return engineMessage("deadlock.selfLock", values);
  if (edge.kind === "semaphore" || edge.kind === "bounded-semaphore") return engineMessage("deadlock.selfSemaphore", values);
  return engineMessage("deadlock.selfOther", values);
}

/**
 * The deadlock of waits without a cycle: some wait for what a worker that
 * has ended still holds, or for what no worker left will do.
 */
export function stallMessage(edges: readonly WaitEdge[], ended: readonly number[]): string {
  const stranded = edges.filter((e) => ended.includes(e.holder));
  const rest = edges.filter((e) => !stranded.includes(e));
  if (stranded.length > 0) {
    const strandedText = strandedWords(stranded);
    return rest.length > 0 ? engineMessage("deadlock.strandedAndWaits", { stranded: strandedText, waits: waitsWords(rest) }) : engineMessage("deadlock.stranded", { stranded: strandedText });
  }
  if (ended.length === 0) return engineMessage("deadlock.allWait", { waits: waitsWords(edges) });
  return engineMessage("deadlock.restWait", { waits: waitsWords(edges), ended: engineMessage("deadlock.ended", { count: ended.length, workers: list(ended.map(workerName)) }) });
}

/** "A ended while still holding lock l; B waits for it forever.", one sentence per object held. */
function strandedWords(stranded: readonly WaitEdge[]): string {
  const byObject = new Map<string, WaitEdge[]>();
  for (const edge of stranded) {
    const key = `${edge.holder} ${edge.kind} ${edge.object}`;
    byObject.set(key, [...(byObject.get(key) ?? []), edge]);
  }
  return [...byObject.values()]
    .map((waiting) => {
      const { holder, kind, object } = waiting[0]!;
      // An RLock is held until released as many times as acquired: say why one that looks released is not.
      const why = kind === "rlock" ? engineMessage("deadlock.rlockWhy") : "";
      const waiters = list(waiting.map((e) => workerName(e.worker)));
      return engineMessage("deadlock.strandedBy", { count: waiting.length, holder: workerName(holder), held: heldWords(kind, object), why, waiters });
    })
    .join(engineMessage("deadlock.sentences"));
}

/** "A waits for event go to be set; B waits for lock l held by C." */
function waitsWords(edges: readonly WaitEdge[]): string {
  const waits = edges.map((e) =>
    e.holder >= 0
      ? engineMessage("deadlock.waitsForHeld", { worker: workerName(e.worker), waits: e.waits, holder: workerName(e.holder) })
      : engineMessage("deadlock.waitsFor", { worker: workerName(e.worker), waits: e.waits }),
  );
  return engineMessage("deadlock.waitsEnd", { waits: waits.join(engineMessage("deadlock.waitsSeparator")) });
}

/** "A, B and C". */
function list(items: readonly string[]): string {
  if (items.length < 2) return items[0] ?? "";
  return engineMessage("list.and", { items: items.slice(0, -1).join(engineMessage("list.comma")), last: items.at(-1) });
}
