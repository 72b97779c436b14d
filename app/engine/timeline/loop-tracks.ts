/**
 * What the timeline keeps of an asyncio loop (asyncio/loop-trace.ts): a lane
 * per task, up to MAX_TASK_LANES, their names, what they await in words, and
 * the loop's lag.
 */
import { EventKind } from "../../runtime/trace";
import { LagTrack } from "./lag";
import type { LoopInfo } from "./model";
import { TaskTrack } from "./task-track";
import { TextAssembler } from "./texts";

/** More lanes would not fit the page: the rest are counted, not drawn. */
export const MAX_TASK_LANES = 16;

/** The event kinds this class reads. */
export function isLoopEvent(kind: number): boolean {
  return kind >= EventKind.LoopStart && kind <= EventKind.LoopLag;
}

export class LoopTracks implements LoopInfo {
  clock: "virtual" | "real" = "real";
  tasks = 0;
  readonly lag = new LagTrack();
  readonly lanes: TaskTrack[] = [];
  private readonly names = new TextAssembler();
  private readonly phrases = new TextAssembler();

  /** `words` is the model's table of what tasks await, which this fills. */
  constructor(
    readonly worker: number,
    private readonly words: Map<number, string>,
  ) {}

  apply(kind: number, object: number, value: number, time: number): void {
    switch (kind) {
      case EventKind.LoopStart:
        this.clock = value === 1 ? "virtual" : "real";
        return;
      case EventKind.TaskCreated:
      case EventKind.TaskStep:
      case EventKind.TaskSuspend:
        this.lane(object)?.apply(kind, value, time);
        return;
      case EventKind.TaskNameChar: {
        const lane = this.lane(object);
        const name = lane && this.names.add(object, value);
        if (lane && name) lane.name = name;
        return;
      }
      case EventKind.WordsChar: {
        const words = this.phrases.add(object, value);
        if (words !== null) this.words.set(object, words);
        return;
      }
      case EventKind.LoopLag:
        this.lag.add(time, value / 1000);
    }
  }

  /** Task `index`'s lane, made (with any missing before it) on its first event; undefined past the last lane drawn. */
  private lane(index: number): TaskTrack | undefined {
    // Any of a task's events counts it: its creation may be among the events lost.
    if (index >= this.tasks) this.tasks = index + 1;
    if (index >= MAX_TASK_LANES) return undefined;
    while (this.lanes.length <= index) this.lanes.push(new TaskTrack(this.worker, this.lanes.length));
    return this.lanes[index];
  }
}
