import { defineScenario, param } from "interleave";

// Producers put numbered jobs into one bounded queue; consumer threads take
// them out, work on each and call taskDone. When the producers are finished,
// one poison pill per consumer tells the consumers to stop.
//
// Every item is a [priority, job] pair, as Python's `q.put((priority, job))`:
// all three queues accept it, and only the priority queue looks at the
// priority. A job is [job number, ms when it was put]. Priority 0 is the most
// urgent; the pill's priority, 10, comes after every real job's (0 to 9).
type Item = [priority: number, job: [n: number, putAt: number]];
const STOP = -1;
const PILL: Item = [10, [STOP, 0]];

export default defineScenario({
  params: {
    consumers: param.int({ default: 3, min: 1, max: 6, label: "Consumer threads" }),
    producers: param.int({ default: 1, min: 1, max: 3, label: "Producer threads" }),
    queueSize: param.int({ default: 4, min: 1, max: 20, label: "Queue size (maxsize)" }),
    produceMs: param.int({ default: 2, min: 0, max: 50, label: "Producer: ms to make a job" }),
    workMs: param.int({ default: 15, min: 1, max: 100, label: "Consumer: ms per job" }),
    jobs: param.int({ default: 30, min: 1, max: 60, label: "Jobs" }),
    order: param.choice(["fifo", "priority", "lifo"], { default: "fifo", label: "Queue order" }),
  },

  // Producers first (A, B...), then the consumers.
  workers: (params) => params.producers + params.consumers,
  // Python threads under one GIL. Making and handling a job are waits here
  // (ctx.io), which release the GIL, as blocking I/O does.
  interpreter: () => ({ mode: "gil" }),

  setup: (shared, params) => {
    const options = { maxsize: params.queueSize };
    return {
      queue:
        params.order === "priority"
          ? shared.priorityQueue("jobs", options)
          : params.order === "lifo"
            ? shared.lifoQueue("jobs", options)
            : shared.queue("jobs", options),
      // One line per job handled, for the charts: [n, priority, putAt, gotAt, doneAt].
      log: shared.queue("log", { maxsize: 60, slotBytes: 128 }),
      producersDone: shared.int("producers done"),
      stopped: shared.int("consumers stopped"),
      depth: shared.series("items in the queue"),
      // What a producer saw right after each of its puts.
      afterPut: shared.series("jobs in the queue after a put", 64),
    };
  },

  worker: ({ queue, log, producersDone, stopped, depth, afterPut }, ctx) => {
    const { producers, consumers, jobs, produceMs, workMs } = ctx.params;

    if (ctx.id < producers) {
      // Producer: makes jobs ctx.id, ctx.id + producers, ...
      for (let n = ctx.id; n < jobs; n += producers) {
        ctx.io(produceMs);
        queue.put([priorityOf(n), [n, ctx.now()]]); // blocks while the queue is full
        const size = queue.qsize();
        depth.record(size);
        afterPut.record(size);
      }
      if (producersDone.add(1) === producers) {
        // The last producer to finish does what Python's main thread would:
        // send one pill per consumer.
        for (let i = 0; i < consumers; i++) queue.put(PILL);
      }
      return;
    }

    // Consumer: take, handle, mark done; stop at the first pill.
    for (;;) {
      const [priority, [n, putAt]] = queue.get() as Item; // blocks while the queue is empty
      if (n === STOP) {
        queue.taskDone();
        stopped.add(1);
        return;
      }
      depth.record(queue.qsize());
      const gotAt = ctx.now();
      ctx.mark(n);
      ctx.io(workMs);
      log.put([n, priority, putAt, gotAt, ctx.now()]);
      queue.taskDone();
    }
  },

  result: ({ queue, log, stopped, depth, afterPut }, params) => {
    const lines: number[][] = [];
    while (!log.empty()) lines.push(log.getNowait() as number[]);
    lines.sort((a, b) => a[3]! - b[3]!); // in the order the consumers took them

    const waitMs: (number | null)[] = Array.from({ length: params.jobs }, () => null);
    for (const [n, , putAt, gotAt] of lines) waitMs[n!] = round(gotAt! - putAt!);
    const meanWait = (low: number, high: number) => {
      const waits = lines.filter(([, p]) => p! >= low && p! <= high).map(([, , putAt, gotAt]) => gotAt! - putAt!);
      return waits.length === 0 ? 0 : round(waits.reduce((a, b) => a + b, 0) / waits.length);
    };
    const points = depth.points();
    const firstPut = Math.min(...lines.map((line) => line[2]!));
    const lastDone = Math.max(...lines.map((line) => line[4]!));

    return {
      handled: lines.length,
      distinct: new Set(lines.map(([n]) => n)).size,
      leftInQueue: queue.qsize(),
      stopped: stopped.get(),
      peakDepth: Math.max(0, ...afterPut.points().map(([, size]) => size)),
      throughput: lines.length === 0 ? 0 : round((lines.length * 1000) / (lastDone - firstPut)),
      meanWaitMs: meanWait(0, 9),
      urgentWaitMs: meanWait(0, 2),
      relaxedWaitMs: meanWait(7, 9),
      takenJob: lines.map(([n]) => n!),
      takenPriority: lines.map(([, p]) => p!),
      waitMs,
      depth: points,
    };
  },
});

/** Job n's priority: 0, 7, 4, 1, 8, 5, 2, 9, 6, 3, then again. */
function priorityOf(n: number): number {
  return (n * 7) % 10;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
