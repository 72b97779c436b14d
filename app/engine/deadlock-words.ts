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

/** What a worker can hold, as waited for: "lock fork_a", "a permit of semaphore s". */
const HELD: Readonly<Record<string, (name: string) => string>> = {
  lock: (name) => `lock ${name}`,
  rlock: (name) => `RLock ${name}`,
  semaphore: (name) => `a permit of semaphore ${name}`,
  "bounded-semaphore": (name) => `a permit of bounded semaphore ${name}`,
};

function heldWords(kind: string, name: string): string {
  return HELD[kind]?.(name) ?? `${kind} ${name}`;
}

const QUEUES: Readonly<Record<string, string>> = { queue: "queue", "lifo-queue": "LIFO queue", "priority-queue": "priority queue" };

/**
 * What a worker blocked on `object`, sleeping on `word`, waits for, without
 * its holder: "waits for lock fork_a", "waits for room in queue jobs".
 */
export function waitWords(words: Int32Array, object: Allocation, word: number): string {
  const { kind, name, index } = object;
  if (kind in HELD) return `waits for ${heldWords(kind, name)}`;
  if (kind === "event") return `waits for event ${name} to be set`;
  if (kind === "condition") return `waits to be notified on condition ${name}`;
  if (kind === "barrier") {
    const waiting = barrierWaiting(words, index);
    return `waits at barrier ${name}, where ${waiting} ${waiting === 1 ? "worker waits" : "workers wait"} for more to arrive`;
  }
  const queue = QUEUES[kind];
  if (queue === undefined) return `waits on ${kind} ${name}`;
  // Which of the queue's conditions it sleeps on says which call blocked.
  const waits: Readonly<Record<number, string>> = {
    [NOT_EMPTY]: `waits for an item in ${queue} ${name}`,
    [NOT_FULL]: `waits for room in ${queue} ${name}`,
    [ALL_DONE]: `waits in join() for every item of ${queue} ${name} to be marked done`,
  };
  return waits[word - index] ?? `waits on ${queue} ${name}`;
}

/** The deadlock of a cycle in the wait-for graph: each worker waits for what the next one holds. */
export function cycleMessage(cycle: readonly WaitEdge[]): string {
  const [first] = cycle;
  if (cycle.length === 1 && first) return selfWaitMessage(first);
  const steps = cycle.map((e, i) => `${i === 0 ? "" : "which "}${e.waits} held by ${workerName(e.holder)}`);
  return `Deadlock: ${workerName(cycle[0]!.worker)} ${steps.join(", ")}.`;
}

function selfWaitMessage(edge: WaitEdge): string {
  const who = `worker ${workerName(edge.worker)}`;
  if (edge.kind === "lock") {
    return `Self-deadlock: ${who} ${edge.waits}, which it already holds. A plain Lock cannot be taken twice by its holder: release it first, or use an RLock.`;
  }
  if (edge.kind === "semaphore" || edge.kind === "bounded-semaphore") {
    return `Deadlock: ${who} ${edge.waits}, and no other worker can release one: ${workerName(edge.worker)} took its permits itself and has not released them.`;
  }
  return `Self-deadlock: ${who} ${edge.waits}, which it holds itself, and no other worker can release it.`;
}

/**
 * The deadlock of waits without a cycle: some wait for what a worker that
 * has ended still holds, or for what no worker left will do.
 */
export function stallMessage(edges: readonly WaitEdge[], ended: readonly number[]): string {
  const stranded = edges.filter((e) => ended.includes(e.holder));
  const rest = edges.filter((e) => !stranded.includes(e));
  if (stranded.length > 0) return `Deadlock: ${strandedWords(stranded)}${rest.length > 0 ? ` ${waitsWords(rest)}` : ""}`;
  const whoWaits = ended.length > 0 ? "every worker that has not ended is waiting" : "every worker is waiting";
  const endedWords = ended.length > 0 ? ` ${list(ended.map(workerName))} ${ended.length === 1 ? "has" : "have"} ended.` : "";
  return `Deadlock: ${whoWaits}, and none can wake another. ${waitsWords(edges)}${endedWords}`;
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
      const why = kind === "rlock" ? " (it released it fewer times than it acquired it)" : "";
      const waiters = list(waiting.map((e) => workerName(e.worker)));
      return `${workerName(holder)} ended while still holding ${heldWords(kind, object)}${why}; ${waiters} ${waiting.length === 1 ? "waits" : "wait"} for it forever.`;
    })
    .join(" ");
}

/** "A waits for event go to be set; B waits for lock l held by C." */
function waitsWords(edges: readonly WaitEdge[]): string {
  return `${edges.map((e) => `${workerName(e.worker)} ${e.waits}${e.holder >= 0 ? ` held by ${workerName(e.holder)}` : ""}`).join("; ")}.`;
}

function list(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
