/**
 * `asyncio.TaskGroup` (Lib/asyncio/taskgroups.py, 3.11), as a callback:
 * `await loop.taskGroup(async (tg) => { tg.createTask(...) })`. The group
 * waits for every task it started. The first task to fail cancels the
 * others and the body's task; once all have ended, the failures are raised
 * together as an ExceptionGroup. A callback rather than `await using`: an
 * error during disposal would otherwise become a SuppressedError, which
 * Python has no counterpart for.
 */
import { CancelledError, ExceptionGroup } from "./errors";
import type { Future } from "./future";
import type { EventLoop } from "./loop";
import type { Task } from "./task";
import { runtimeMessage } from "../messages/message";

export class TaskGroup {
  private readonly tasks = new Set<Task<unknown>>();
  private readonly errors: unknown[] = [];
  private aborting = false;
  private exiting = false;
  private parentCancelRequested = false;
  private onCompleted: Future<boolean> | null = null;

  constructor(
    private readonly loop: EventLoop,
    private readonly parent: Task<unknown>,
  ) {}

  createTask<T>(body: () => Promise<T>, name?: string): Task<T> {
    if (this.exiting && this.tasks.size === 0) throw new Error(runtimeMessage("asyncio.taskGroupFinished"));
    if (this.aborting) throw new Error(runtimeMessage("asyncio.taskGroupAborting"));
    const task = this.loop.createTask(body, name);
    task.addDoneCallback(this.onTaskDone as (t: Future<T>) => void);
    this.tasks.add(task as Task<unknown>);
    return task;
  }

  /** What `async with` does around the body, `__aexit__` included. */
  async run<T>(body: (group: TaskGroup) => Promise<T>): Promise<T> {
    let thrown: unknown = undefined;
    let failed = false;
    let value: T | undefined;
    try {
      value = await body(this);
    } catch (error) {
      thrown = error;
      failed = true;
    }
    await this.exit(failed, thrown);
    return value as T;
  }

  private async exit(failed: boolean, thrown: unknown): Promise<void> {
    this.exiting = true;
    let propagateCancel: unknown = failed && thrown instanceof CancelledError ? thrown : null;
    if (failed && !this.aborting) this.abort();
    while (this.tasks.size > 0) {
      this.onCompleted ??= this.loop.createFuture<boolean>("its task group's tasks");
      try {
        await this.onCompleted;
      } catch (error) {
        if (!(error instanceof CancelledError)) throw error;
        if (!this.aborting) {
          propagateCancel = error;
          this.abort();
        }
      }
      this.onCompleted = null;
    }
    if (this.parentCancelRequested && this.parent.uncancel() === 0) propagateCancel = null;
    if (propagateCancel !== null && this.errors.length === 0) throw propagateCancel;
    if (failed && !(thrown instanceof CancelledError)) this.errors.push(thrown);
    if (this.errors.length > 0) throw new ExceptionGroup("unhandled errors in a TaskGroup", this.errors as Error[]);
  }

  private abort(): void {
    this.aborting = true;
    for (const task of this.tasks) if (!task.done()) task.cancel();
  }

  private readonly onTaskDone = (task: Future<unknown>): void => {
    this.tasks.delete(task as Task<unknown>);
    if (this.onCompleted !== null && this.tasks.size === 0 && !this.onCompleted.done()) this.onCompleted.setResult(true);
    if (task.cancelled()) return;
    const error = task.exception();
    if (error === null) return;
    this.errors.push(error);
    if (this.parent.done()) return;
    if (!this.aborting && !this.parentCancelRequested) {
      this.abort();
      this.parentCancelRequested = true;
      this.parent.cancel();
    }
  };
}
