/**
 * A warm pool of runner workers. Starting a worker costs tens of
 * milliseconds (DESIGN.md), so runners are kept alive and reused across runs;
 * a run that is stopped, or whose worker misbehaved, discards its runners
 * (terminating them) and the pool starts fresh ones in the background.
 */
import type { Remote } from "comlink";
import type { LiveConsoleLine, RunnerApi } from "../runtime/protocol";
import type { CrashSignal } from "./crash-signal";

export interface RunnerHandle {
  readonly runner: Remote<RunnerApi>;
  /** Tells the calls waiting on the worker when it dies of an error no call returned (an uncaught async throw). */
  readonly crash: CrashSignal;
  /** Hears the console lines the worker sends as they are written; returns the unsubscribe. */
  listen(listener: (line: LiveConsoleLine) => void): () => void;
  terminate(): void;
}

export type SpawnRunner = () => RunnerHandle;

export class WorkerPool {
  private readonly idle: RunnerHandle[] = [];
  private closed = false;

  /** `warmWhen`: starts the warm runners once it resolves (the page has more urgent work first), not at once. */
  constructor(
    private readonly spawn: SpawnRunner,
    private readonly warm = 2,
    warmWhen?: Promise<void>,
  ) {
    if (warmWhen) void warmWhen.then(() => !this.closed && this.refill());
    else this.refill();
  }

  /** Takes `count` runners, warm ones first. The caller must give or discard each. */
  take(count: number): RunnerHandle[] {
    const taken = this.idle.splice(0, count);
    while (taken.length < count) taken.push(this.spawn());
    return taken;
  }

  /** Returns healthy runners for reuse. */
  give(handles: readonly RunnerHandle[]): void {
    if (this.closed) return terminateAll(handles);
    this.idle.push(...handles);
  }

  /** Terminates runners whose state cannot be trusted, and keeps the pool warm. */
  discard(handles: readonly RunnerHandle[]): void {
    terminateAll(handles);
    if (!this.closed) queueMicrotask(() => this.refill());
  }

  close(): void {
    this.closed = true;
    terminateAll(this.idle.splice(0));
  }

  private refill(): void {
    while (this.idle.length < this.warm) this.idle.push(this.spawn());
  }
}

function terminateAll(handles: readonly RunnerHandle[]): void {
  for (const handle of handles) handle.terminate();
}
