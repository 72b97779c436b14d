import { defineAsyncScenario, param, CancelledError, type Job, type Task } from "interleave";

// A pipeline of asyncio tasks joined by queues. `mode` picks the system:
//   pipeline  read → process → write: a reader task puts `items` records in the
//             inbox, `processors` tasks each call a slow service for a record
//             and put the answer in the outbox, `writers` tasks store them.
//   hybrid    the same, but processing is CPU work, sent to a process pool
//             with loop.runInExecutor (the loop's clock is then real).
//   crawler   `processors` tasks crawl a simulated site from its home page,
//             following links to `depth` clicks, each page fetched once.
// A record or page that fails goes to the error channel, a queue of its own,
// which an error task reports. Every stage keeps statistics for the charts.
//
// When the work runs out, `shutdown` stops the stage tasks. Every record must
// come out somewhere: written, or reported on the error channel.

const READ_MS = 10; // the reader fetches a record from the source
const WRITE_MS = 10; // a writer stores one record
const POLL_S = 0.01; // how often the shutdown looks at the inbox
const GRACE_S = 0.1; // how long the shutdown lets the last records finish
const PAGES = 30; // the simulated site's size

/** Page p links to three others; page 0 is the home page. */
const linksOf = (page: number): number[] => [(2 * page + 1) % PAGES, (3 * page + 2) % PAGES, (5 * page + 3) % PAGES];

// The CPU stage of the hybrid pipeline, as a job a process pool runs: plain data in and out.
const crunch: Job = (arg, ctx) => {
  const [item, units] = arg as [number, number];
  const started = ctx.now();
  ctx.cpu(units); // about 1 ms of computing a unit
  return [item * item, ctx.now() - started];
};

type Stage = "read" | "process" | "write";
const STAGES: readonly Stage[] = ["read", "process", "write"];

export default defineAsyncScenario({
  params: {
    mode: param.choice(["pipeline", "hybrid", "crawler"], { default: "pipeline", label: "What runs" }),
    items: param.int({ default: 12, min: 1, max: 60, label: "Records to move (pipeline, hybrid)" }),
    processors: param.int({ default: 3, min: 1, max: 6, label: "Processors (the middle stage's width; crawlers)" }),
    writers: param.int({ default: 1, min: 1, max: 4, label: "Writers (the last stage's width)" }),
    processMs: param.int({ default: 40, min: 1, max: 500, label: "Processing per record, or fetch per page (ms)" }),
    errorRate: param.int({ default: 10, min: 0, max: 100, label: "Records or pages that fail (%)" }),
    depth: param.int({ default: 2, min: 0, max: 4, label: "Crawl depth (clicks from the home page)" }),
  },

  // Hybrid only: a pool of processes, one per processor, for the CPU stage.
  executor: (params) => (params.mode === "hybrid" ? { kind: "processes", workers: params.processors } : null),
  jobs: { crunch },

  setup: () => ({
    produced: 0, // records read, or pages found (put on the frontier)
    written: 0, // records stored, or pages crawled
    failed: 0, // reported on the error channel
    failedIds: [] as number[],
    fetches: [] as number[], // per page: how many times it was fetched
    busy: 0, // records being processed, or pages fetched, right now
    peakBusy: 0,
    inStage: 0, // records inside a stage right now (read, processed or written)
    inFlight: [[0, 0]] as [number, number][], // [ms, records inside a stage]
    toProcess: [[0, 0]] as [number, number][], // [ms, records in the inbox, or pages on the frontier]
    toWrite: [[0, 0]] as [number, number][], // [ms, records in the outbox]
    cpuMs: 0, // hybrid: the CPU stage's jobs' time, added up
    done: { read: 0, process: 0, write: 0 } as Record<Stage, number>,
    workMs: { read: 0, process: 0, write: 0 } as Record<Stage, number>, // the time the stage's tasks spent on records, added up
    elapsedMs: 0,
  }),

  main: async (state, loop, params) => {
    const now = () => loop.time() * 1000;
    const fails = (k: number) => Math.floor((k * params.errorRate) / 100) > Math.floor(((k - 1) * params.errorRate) / 100);

    const inbox = loop.queue<number>("inbox", 4);
    const outbox = loop.queue<number>("outbox", 4);
    const errors = loop.queue<[number, string]>("errors");
    // The crawler's frontier holds [page, depth]; `seen` keeps each page to one fetch.
    const frontier = loop.queue<[number, number]>("frontier");

    const chart = () => {
      const at = Math.round(now());
      state.inFlight.push([at, state.inStage]);
      state.toProcess.push([at, inbox.qsize() + frontier.qsize()]);
      state.toWrite.push([at, outbox.qsize()]);
    };
    // Statistics: a stage's rate is what it finished over the time its tasks spent on records,
    // not over the time they waited for one, which would make a starved stage look slow.
    const enter = (): number => {
      state.inStage++;
      chart();
      return now();
    };
    const leave = (stage: Stage, started: number) => {
      state.done[stage]++;
      state.workMs[stage] += now() - started;
      state.inStage--;
      chart();
    };

    // The error channel: one task reports what failed, so no stage dies of it.
    const reportErrors = async (): Promise<void> => {
      for (;;) {
        const [id] = await errors.get();
        state.failed++;
        state.failedIds.push(id);
        errors.taskDone();
      }
    };

    const read = async () => {
      for (let item = 1; item <= params.items; item++) {
        const started = enter();
        await loop.io(READ_MS / 1000);
        state.produced++;
        leave("read", started);
        await inbox.put(item);
        chart();
      }
    };

    const processOne = async (item: number): Promise<number> => {
      if (params.mode === "hybrid") {
        const [answer, ms] = (await loop.runInExecutor(crunch, [item, params.processMs])) as [number, number];
        state.cpuMs += ms;
        return answer;
      }
      await loop.io(params.processMs / 1000);
      return item * item;
    };

    // A record's answer, or the error it failed with: `except Exception`, which lets a cancellation through.
    const answerOrError = async (item: number): Promise<number | Error> => {
      try {
        const answer = await processOne(item);
        if (fails(item)) throw new Error(`record ${item}: the service refused it`);
        return answer;
      } catch (error) {
        if (error instanceof CancelledError) throw error;
        return error as Error;
      }
    };

    const processRecords = async (): Promise<void> => {
      for (;;) {
        const item = await inbox.get();
        const started = enter();
        state.peakBusy = Math.max(state.peakBusy, ++state.busy);
        try {
          const answer = await answerOrError(item);
          state.busy--;
          leave("process", started);
          if (answer instanceof Error) {
            await errors.put([item, answer.message]);
          } else {
            await outbox.put(answer);
            chart();
          }
        } finally {
          inbox.taskDone();
        }
      }
    };

    const writeRecords = async (): Promise<void> => {
      for (;;) {
        await outbox.get();
        const started = enter();
        await loop.io(WRITE_MS / 1000);
        state.written++;
        leave("write", started);
        outbox.taskDone();
      }
    };

    const seen = new Set<number>();
    const discover = (page: number, depth: number) => {
      if (seen.has(page)) return;
      seen.add(page);
      state.produced++;
      frontier.putNowait([page, depth]);
      chart();
    };
    const crawl = async (): Promise<void> => {
      for (;;) {
        const [page, depth] = await frontier.get();
        const started = enter();
        state.peakBusy = Math.max(state.peakBusy, ++state.busy);
        try {
          state.fetches[page] = (state.fetches[page] ?? 0) + 1;
          await loop.io(params.processMs / 1000);
          leave("process", started);
          if (fails(page + 1)) {
            await errors.put([page, `page ${page}: 503 from the server`]);
          } else {
            state.written++;
            if (depth < params.depth) for (const link of linksOf(page)) discover(link, depth + 1);
          }
        } finally {
          state.busy--;
          frontier.taskDone();
        }
      }
    };

    // Stops the stages once the work has run out. Every task here loops for
    // ever on its queue, so it ends only when cancelled.
    const shutdown = async (stages: Task<void>[], firstQueue: { empty(): boolean }) => {
      while (!firstQueue.empty()) await loop.sleep(POLL_S); // every record has been taken
      await loop.sleep(GRACE_S); // time enough for the last ones to go through
      for (const task of stages) task.cancel();
      await loop.gather(stages, { returnExceptions: true });
    };

    const stages: Task<void>[] = [loop.createTask(reportErrors, "errors")];
    if (params.mode === "crawler") {
      for (let i = 1; i <= params.processors; i++) stages.push(loop.createTask(crawl, `crawler ${i}`));
      discover(0, 0);
      await shutdown(stages, frontier);
    } else {
      for (let i = 1; i <= params.processors; i++) stages.push(loop.createTask(processRecords, `processor ${i}`));
      for (let i = 1; i <= params.writers; i++) stages.push(loop.createTask(writeRecords, `writer ${i}`));
      await read();
      await shutdown(stages, inbox);
    }
    state.elapsedMs = Math.round(now());
  },

  result: (state, params) => {
    // Records a second the stage manages while it has work: each task's pace, times the stage's tasks.
    const width: Record<Stage, number> = { read: 1, process: params.processors, write: params.writers };
    const rate = (stage: Stage) =>
      state.workMs[stage] > 0 ? Math.round((state.done[stage] * width[stage] * 1000) / state.workMs[stage]) : 0;
    return {
      produced: state.produced,
      written: state.written,
      failed: state.failed,
      lost: state.produced - state.written - state.failed,
      failedIds: state.failedIds,
      reachable: params.mode === "crawler" ? reachablePages(params.depth, params.errorRate) : 0,
      duplicates: state.fetches.reduce((sum, n) => sum + Math.max(0, (n ?? 0) - 1), 0),
      peakBusy: state.peakBusy,
      elapsedMs: state.elapsedMs,
      itemsPerS: state.elapsedMs > 0 ? Math.round((state.written * 1000) / state.elapsedMs) : 0,
      stageRate: params.mode === "crawler" ? [rate("process")] : STAGES.map(rate),
      inboxPeak: Math.max(...state.toProcess.map(([, depth]) => depth)),
      cpuMs: Math.round(state.cpuMs),
      inFlight: state.inFlight,
      toProcess: state.toProcess,
      toWrite: state.toWrite,
    };
  },
});

/** How many pages a complete crawl finds: breadth first from page 0, to `depth` clicks, not following a failed page's links. */
function reachablePages(depth: number, errorRate: number): number {
  const fails = (k: number) => Math.floor((k * errorRate) / 100) > Math.floor(((k - 1) * errorRate) / 100);
  const found = new Set([0]);
  let level = [0];
  for (let d = 0; d < depth; d++) {
    const next: number[] = [];
    for (const page of level) {
      if (fails(page + 1)) continue;
      for (const link of linksOf(page)) {
        if (!found.has(link)) {
          found.add(link);
          next.push(link);
        }
      }
    }
    level = next;
  }
  return found.size;
}
