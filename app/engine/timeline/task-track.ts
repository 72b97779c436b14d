/**
 * One asyncio task's lane while it is built, from the loop's events
 * (asyncio/loop-trace.ts): ready when created, running during each step,
 * then what the step ended on. A task woken by what another step did is
 * drawn as awaiting until its own step begins: the loop does not say when
 * it was woken.
 */
import { EventKind } from "../../runtime/trace";
import { AwaitKind } from "../../runtime/asyncio/await-kinds";
import { LaneState } from "./lane-state";
import { Segments } from "./segments";
import { engineMessage } from "../messages/message";

/** LaneState by AwaitKind. */
const STATE_OF_AWAIT: Readonly<Record<AwaitKind, LaneState>> = {
  [AwaitKind.Ready]: LaneState.Ready,
  [AwaitKind.Done]: LaneState.Done,
  [AwaitKind.Cancelled]: LaneState.Cancelled,
  [AwaitKind.Failed]: LaneState.Failed,
  [AwaitKind.Io]: LaneState.Io,
  [AwaitKind.Sleep]: LaneState.Sleeping,
  [AwaitKind.Object]: LaneState.Waiting,
  [AwaitKind.Tasks]: LaneState.AwaitingTasks,
  [AwaitKind.Job]: LaneState.Job,
};

export class TaskTrack extends Segments {
  /** Task `index` (in creation order) of the loop on `worker`; named "Task 3" until its name has come. */
  constructor(worker: number, index: number) {
    super(worker, index, engineMessage("timeline.task", { number: index + 1 }));
  }

  apply(kind: number, value: number, time: number): void {
    if (kind === EventKind.TaskCreated) this.enter(LaneState.Ready, 0, time);
    else if (kind === EventKind.TaskStep) this.enter(LaneState.Running, 0, time);
    else if (kind === EventKind.TaskSuspend) this.enter(STATE_OF_AWAIT[(value & 0xf) as AwaitKind] ?? LaneState.Waiting, value >>> 4, time);
  }
}
