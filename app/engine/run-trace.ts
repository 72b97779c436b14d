/**
 * A run's trace as the page follows it: each poll drains the workers' trace
 * rings into the run's timeline. Polled every few milliseconds while the run
 * goes on (the rings are finite), and once more when it has ended.
 */
import { layoutOf } from "../runtime/memory";
import { TraceReader } from "../runtime/trace";
import type { RunHandle, RunOutcome } from "./run";
import { TimelineBuilder } from "./timeline/builder";
import type { TimelineModel } from "./timeline/model";
import { objectNames } from "./timeline/object-names";
import { deadlockNote } from "./timeline/note";

const sharedNow = (): number => performance.timeOrigin + performance.now();

export class RunTrace {
  private reader: TraceReader | null = null;
  private builder: TimelineBuilder | null = null;
  private ended = false;

  constructor(private readonly run: RunHandle) {}

  /** The timeline so far; null until the run's workers are prepared. */
  poll(): TimelineModel | null {
    if (!this.builder) this.start();
    if (!this.builder || !this.reader) return null;
    this.builder.add(this.reader.drain(), this.reader.dropped);
    // After the events, which may have brought the lanes of the loop's tasks.
    for (const loss of this.reader.losses) this.builder.lost(loss);
    if (!this.ended) this.builder.advance(sharedNow());
    return this.builder.model;
  }

  /** Reads the last events and closes the timeline at the run's end; a deadlock marks its lanes. */
  finish(outcome: RunOutcome): TimelineModel | null {
    const model = this.poll();
    this.ended = true;
    if (!this.builder) return model;
    if (outcome.status === "done") this.builder.advance(Math.max(...outcome.workers.map((w) => w.finishedAt)));
    if (outcome.status === "deadlock") {
      for (const edge of outcome.deadlock.edges) this.builder.annotate(edge.worker, deadlockNote(edge));
    }
    return this.builder.model;
  }

  private start(): void {
    const workers = this.run.workerCount;
    if (workers === 0) return;
    const memory = this.run.memory;
    this.reader = new TraceReader(memory, layoutOf(new Int32Array(memory)), workers);
    this.builder = new TimelineBuilder({ workers, names: objectNames(this.run.objects), origin: this.run.origin });
  }
}
