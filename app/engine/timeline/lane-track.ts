/**
 * One worker's lane while it is built. What the worker is doing is kept as
 * flags that its trace events set and clear (holds the GIL, in I/O, blocked
 * on an object, done); after each event the flags name one LaneState, and a
 * new segment starts when that state or its object changed. Flags rather than
 * a strict state machine, so a lost event (a dropped trace) costs one wrong
 * segment, not a wrong lane from there on.
 *
 * The worker that runs an asyncio loop also follows the loop's events: between
 * task steps it is idle. On the loop's virtual clock its own events keep the
 * worker's real time, which is not the loop's: from LoopStart on, only the
 * loop's events draw its lane.
 */
import { EventKind } from "../../runtime/trace";
import { LaneState } from "./lane-state";
import { Segments } from "./segments";

const NONE = -1;

export class LaneTrack extends Segments {
  private holdsGil = false;
  private inIo = false;
  private waitingOn = NONE;
  private done = false;
  /** Inside the loop's run (LoopStart to LoopEnd), and whether a task step runs now. */
  private looping = false;
  private inStep = false;
  /** The loop's clock is virtual: the worker's own events are on another clock. */
  private virtualLoop = false;

  constructor(worker: number, name: string) {
    super(worker, -1, name);
  }

  /** Applies one event at `time` (ms since origin); `gilMode` says what not holding the GIL means. */
  apply(kind: number, object: number, value: number, time: number, gilMode: boolean): void {
    switch (kind) {
      case EventKind.LoopStart:
        this.looping = true;
        this.virtualLoop = value === 1;
        break;
      case EventKind.LoopEnd:
        this.looping = false;
        if (this.virtualLoop) this.done = true;
        break;
      case EventKind.TaskStep:
        this.inStep = true;
        break;
      case EventKind.TaskSuspend:
        this.inStep = false;
        break;
      default:
        if (this.virtualLoop) return;
        if (!this.applyOwn(kind, value, object, time)) return;
    }
    this.enter(this.state(gilMode), this.waitingOn === NONE ? 0 : this.waitingOn, time);
  }

  /** The run turned out to be in GIL mode: what was drawn as running was runnable. */
  relabelRunning(): void {
    for (let i = 0; i < this.count; i++) if (this.states[i] === LaneState.Running) this.states[i] = LaneState.Runnable;
    this.closedMs[LaneState.Runnable]! += this.closedMs[LaneState.Running]!;
    this.closedMs[LaneState.Running] = 0;
  }

  /** The worker's own events; false when the event changes nothing the lane shows. */
  private applyOwn(kind: number, value: number, object: number, time: number): boolean {
    switch (kind) {
      case EventKind.Start:
        // The lane begins at its first event (a lost Start costs nothing more).
        return true;
      case EventKind.End:
        this.done = true;
        return true;
      case EventKind.Wait:
        this.waitingOn = object;
        this.waits++;
        return true;
      case EventKind.Wake:
        this.waitingOn = NONE;
        if (value === 1) this.timeouts++;
        return true;
      case EventKind.GilTake:
        // Only a running worker takes the GIL: a wait or I/O whose end event
        // comes later (Thread.block traces Wake after retaking it) is over.
        this.holdsGil = true;
        this.waitingOn = NONE;
        this.inIo = false;
        this.gilTakes++;
        return true;
      case EventKind.GilDrop:
        this.holdsGil = false;
        return true;
      case EventKind.IoStart:
        this.inIo = true;
        return true;
      case EventKind.IoEnd:
        this.inIo = false;
        return true;
      case EventKind.Mark:
        this.mark(time, value);
        return false;
      default:
        // Acquire and Release are instants: they change nothing the lane shows.
        return false;
    }
  }

  private state(gilMode: boolean): LaneState {
    if (this.done) return LaneState.Done;
    if (this.virtualLoop) return this.inStep ? LaneState.Running : LaneState.Idle;
    if (this.waitingOn !== NONE) return LaneState.Waiting;
    if (this.inIo) return LaneState.Io;
    // Between steps, a loop under a GIL it does not hold wants it back.
    if (this.looping && !this.inStep && (this.holdsGil || !gilMode)) return LaneState.Idle;
    if (this.holdsGil) return LaneState.Gil;
    return gilMode ? LaneState.Runnable : LaneState.Running;
  }
}
