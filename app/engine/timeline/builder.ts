/**
 * Builds a run's timeline model from its trace, incrementally: feed it each
 * `TraceReader.drain()` as it comes (events arrive in order per worker, with
 * batches interleaving workers), O(1) per event, and `advance` it to the
 * current time so that open segments grow while nothing happens.
 *
 * Which events a run emits (runtime/runner.ts, thread.ts, gil.ts, work.ts):
 * - every mode: Start, then Wait/Wake pairs around blocking calls, IoStart/
 *   IoEnd around I/O, Mark, Acquire/Release instants, and End;
 * - `gil` mode adds GilTake/GilDrop: after Start (the first take may queue),
 *   around every forced switch, inside waits (Wait, GilDrop, GilTake, Wake)
 *   and before I/O (GilDrop, IoStart, IoEnd, GilTake), and before End.
 * - asyncio mode adds, on the loop's worker, the loop's events (LoopStart to
 *   LoopLag, asyncio/loop-trace.ts), from which come a lane per task after
 *   the worker's own, and the lag chart's samples (loop-tracks.ts).
 * The mode is not in the trace: the run is in `gil` mode once any GilTake
 * appears. A worker may queue for the GIL before anyone's first take is
 * read, so what was drawn as running until then is relabelled runnable.
 */
import { workerName } from "../../runtime/protocol";
import { EventKind, type TraceEvent, type TraceLoss } from "../../runtime/trace";
import { LaneTrack } from "./lane-track";
import { LoopTracks, isLoopEvent } from "./loop-tracks";
import type { Lane, TimelineModel } from "./model";
import type { LaneNote } from "./note";

export interface TimelineOptions {
  /** How many workers the run has: one lane each. */
  readonly workers: number;
  /** Object word index to name (see `objectNames`). */
  readonly names: ReadonlyMap<number, string>;
  /** The run's start on the shared clock (ms, `timeOrigin + now`, as trace times): time 0 of the model. */
  readonly origin: number;
}

class MutableModel implements TimelineModel {
  end = 0;
  gilMode = false;
  dropped = 0;
  version = 0;
  loop: LoopTracks | null = null;
  readonly words = new Map<number, string>();

  constructor(
    public lanes: readonly Lane[],
    readonly names: ReadonlyMap<number, string>,
  ) {}
}

export class TimelineBuilder {
  private readonly state: MutableModel;
  private readonly lanes: LaneTrack[];
  private readonly origin: number;

  constructor({ workers, names, origin }: TimelineOptions) {
    if (!Number.isInteger(workers) || workers < 0) throw new RangeError(`A timeline needs a whole number of workers; got ${workers}.`);
    this.lanes = Array.from({ length: workers }, (_, id) => new LaneTrack(id, workerName(id)));
    this.state = new MutableModel(this.lanes, names);
    this.origin = origin;
  }

  /** The model, updated in place; its `version` says when it changed. */
  get model(): TimelineModel {
    return this.state;
  }

  /**
   * Adds the events of one drain. `dropped` is the reader's running total of
   * lost events (`TraceReader.dropped`), when the caller has a reader.
   */
  add(events: readonly TraceEvent[], dropped = this.state.dropped): void {
    const model = this.state;
    let end = model.end;
    for (const { worker, time, kind, object, value } of events) {
      const lane = this.lanes[worker];
      if (lane === undefined) throw new RangeError(`Trace event from worker ${worker}: the timeline has ${this.lanes.length} lanes.`);
      if (kind === EventKind.GilTake && !model.gilMode) this.enterGilMode();
      const at = time - this.origin;
      if (isLoopEvent(kind)) this.loopOf(worker).apply(kind, object, value, at);
      lane.apply(kind, object, value, at, model.gilMode);
      if (at > end) end = at;
    }
    if (model.loop !== null && model.lanes.length !== this.lanes.length + model.loop.lanes.length) this.placeTaskLanes(model.loop);
    if (events.length === 0 && dropped === model.dropped) return;
    model.end = end;
    model.dropped = dropped;
    model.version++;
  }

  /** The run has reached `time` (shared clock): open segments extend to it. Call it with the run's end time last. */
  advance(time: number): void {
    const at = time - this.origin;
    if (at <= this.state.end) return;
    this.state.end = at;
    this.state.version++;
  }

  /** The reader lost `loss.worker`'s events there (`TraceReader.losses`): its lanes, its loop's tasks' included, say so. */
  lost({ worker, from, to }: TraceLoss): void {
    const lane = this.lanes[worker];
    if (lane === undefined) throw new RangeError(`Trace loss of worker ${worker}: the timeline has ${this.lanes.length} lanes.`);
    const start = Number.isNaN(from) ? 0 : from - this.origin;
    const loop = this.state.loop;
    for (const track of loop?.worker === worker ? [lane, ...loop.lanes] : [lane]) track.gap(start, to - this.origin);
    this.state.version++;
  }

  /** Pins a note on a worker's lane (null removes it): the watchdog's "deadlocked: waiting for X held by Y". */
  annotate(worker: number, note: LaneNote | null): void {
    const lane = this.lanes[worker];
    if (lane === undefined) throw new RangeError(`No lane for worker ${worker}: the timeline has ${this.lanes.length} lanes.`);
    lane.note = note;
    this.state.version++;
  }

  /** The loop on `worker`; a run has one, on the first worker that says so. */
  private loopOf(worker: number): LoopTracks {
    this.state.loop ??= new LoopTracks(worker, this.state.words);
    return this.state.loop;
  }

  /** Each task's lane follows its loop's worker's lane. */
  private placeTaskLanes(loop: LoopTracks): void {
    const after = loop.worker + 1;
    this.state.lanes = [...this.lanes.slice(0, after), ...loop.lanes, ...this.lanes.slice(after)];
  }

  private enterGilMode(): void {
    this.state.gilMode = true;
    for (const lane of this.lanes) lane.relabelRunning();
  }
}
