/**
 * Deadlock detection for free runs. A run is deadlocked when every worker
 * that has not finished is blocked without a timeout (so only another worker
 * could wake it) and no worker has moved for `DEADLOCK_AFTER_MS`. Statuses
 * alone prove nothing: a woken worker reads Blocked until it runs, so workers
 * handing a permit round can be seen blocked on the same objects at every
 * look. What proves it is each worker's count of blocks (worker-status.ts),
 * unchanged across the whole window.
 *
 * The report follows the wait-for graph from a blocked worker (it waits on an
 * object; the object's holder waits on another...) to name the cycle, as a
 * student would say it: "A waits for lock fork_1 held by B, which waits for
 * lock fork_0 held by A". Without a cycle, it names a holder that has ended
 * ("A ended while still holding lock fork_0"), or else every wait
 * (deadlock-words.ts).
 */
import { layoutOf, type Allocation, type Layout } from "../runtime/memory";
import { WorkerState, readStatuses, type WorkerStatusView } from "../runtime/worker-status";
import { cycleMessage, stallMessage, waitWords } from "./deadlock-words";
import { holdersOf } from "./holders";
import { engineMessage } from "./messages/message";

export const DEADLOCK_AFTER_MS = 500;
export const WATCHDOG_POLL_MS = 100;

/** One edge of the wait-for graph: `worker` waits on `object`, which `holder` holds (or -1). */
export interface WaitEdge {
  readonly worker: number;
  readonly object: string;
  readonly kind: string;
  readonly holder: number;
  /** What it waits for, in words, without the holder: "waits for lock fork_1". */
  readonly waits: string;
}

export interface Deadlock {
  /** The cycle, or for a stall without a cycle, each blocked worker's wait. */
  readonly edges: readonly WaitEdge[];
  readonly cycle: boolean;
  readonly message: string;
}

/** What the watchdog needs from a running run. */
export interface WatchedRun {
  readonly memory: SharedArrayBuffer;
  readonly layout: Layout;
  readonly workers: number;
  readonly objects: readonly Allocation[];
}

/** `inspect` for a run known by its memory (a stepped or explored one, which no watchdog watches). */
export function inspectMemory(memory: SharedArrayBuffer, workers: number, objects: readonly Allocation[]): Deadlock | null {
  return inspect({ memory, layout: layoutOf(new Int32Array(memory)), workers, objects });
}

/** Looks at a run now: the deadlock it is in, or null. */
export function inspect(run: WatchedRun): Deadlock | null {
  return inspectStatuses(run, readStatuses(run.memory, run.layout, run.workers));
}

function inspectStatuses(run: WatchedRun, statuses: readonly WorkerStatusView[]): Deadlock | null {
  const words = new Int32Array(run.memory);
  if (!allStuck(words, statuses)) return null;
  const edges = new Map<number, WaitEdge>();
  statuses.forEach((status, worker) => {
    if (status.state === WorkerState.Blocked) edges.set(worker, edgeOf(run, words, worker, status));
  });
  const ended = statuses.flatMap((status, worker) => (status.state === WorkerState.Done ? [worker] : []));
  const cycle = findCycle(edges);
  if (cycle) return { edges: cycle, cycle: true, message: cycleMessage(cycle) };
  const all = [...edges.values()];
  return { edges: all, cycle: false, message: stallMessage(all, ended) };
}

/** Every live worker blocked without a timeout, and none with a wake-up on its way (its word still holds what it sleeps on). */
function allStuck(words: Int32Array, statuses: readonly WorkerStatusView[]): boolean {
  const live = statuses.filter((s) => s.state !== WorkerState.Done && s.state !== WorkerState.NotStarted);
  return live.length > 0 && live.every((s) => s.state === WorkerState.Blocked && !s.timed && Atomics.load(words, s.word) === s.expected);
}

function edgeOf(run: WatchedRun, words: Int32Array, worker: number, status: WorkerStatusView): WaitEdge {
  const object = run.objects.find((o) => o.index === status.object);
  if (!object) return { worker, object: `#${status.object}`, kind: "object", holder: -1, waits: engineMessage("run.waitsOnObject", { index: status.object }) };
  // A semaphore's permits may be spread over several workers: follow another one's first.
  const holders = holdersOf(words, object);
  const holder = holders.find((h) => h !== worker) ?? holders[0] ?? -1;
  return { worker, object: object.name, kind: object.kind, holder, waits: waitWords(words, object, status.word) };
}

function findCycle(edges: ReadonlyMap<number, WaitEdge>): WaitEdge[] | null {
  for (const start of edges.keys()) {
    const path: WaitEdge[] = [];
    const seen = new Set<number>();
    let worker = start;
    while (!seen.has(worker)) {
      const edge = edges.get(worker);
      if (!edge || edge.holder < 0) break;
      seen.add(worker);
      path.push(edge);
      worker = edge.holder;
    }
    const loopStart = path.findIndex((e) => e.worker === worker);
    if (seen.has(worker) && loopStart >= 0) return path.slice(loopStart);
  }
  return null;
}

/**
 * Polls a run and calls `onDeadlock` once it has looked deadlocked, with no
 * worker moving, for `DEADLOCK_AFTER_MS`. Returns a function that stops
 * watching.
 */
export function watch(run: () => WatchedRun | null, onDeadlock: (deadlock: Deadlock) => void): () => void {
  let since: number | null = null;
  let last = "";
  const timer = setInterval(() => {
    const current = run();
    const statuses = current ? readStatuses(current.memory, current.layout, current.workers) : [];
    const deadlock = current ? inspectStatuses(current, statuses) : null;
    // Every status with its count of blocks: the same key at both ends of the window proves nothing moved.
    const key = deadlock ? JSON.stringify(statuses) : "";
    if (!deadlock || key !== last) {
      since = deadlock ? performance.now() : null;
      last = key;
      return;
    }
    if (since !== null && performance.now() - since >= DEADLOCK_AFTER_MS) {
      clearInterval(timer);
      onDeadlock(deadlock);
    }
  }, WATCHDOG_POLL_MS);
  return () => clearInterval(timer);
}
