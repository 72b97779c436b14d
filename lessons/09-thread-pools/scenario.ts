import { defineScenario, param } from "interleave";

// A thread pool, the way concurrent.futures.ThreadPoolExecutor builds one:
// worker A is the main thread; the others (B, C...) are the pool's threads.
// A submits one fetch task per request by putting it on the work queue; a
// pool thread takes it, runs it, then runs the task's done callbacks. The
// main thread reads the fetches' results as they complete (as_completed).
//
// A task is [request number, stage]. Stages: fetch (wait for a server),
// parse (compute), store (wait for a database).
type Task = [n: number, stage: number];
const FETCH = 0;
const PARSE = 1;
const STORE = 2;
const PARSE_CPU_MS = 2;
const STORE_MS = 5;
// How long request n's fetch takes, as a share of the longest.
const MIXED = [1, 0.25, 0.6, 0.1, 0.85, 0.4, 0.7, 0.2, 0.95, 0.3, 0.55, 0.15];

export default defineScenario({
  params: {
    poolSize: param.int({ default: 3, min: 1, max: 6, label: "Pool size (max_workers)" }),
    tasks: param.int({ default: 8, min: 1, max: 12, label: "Requests" }),
    durations: param.choice(["mixed", "equal"], { default: "mixed", label: "Fetch durations" }),
    fetchMs: param.int({ default: 80, min: 10, max: 300, label: "Longest fetch (ms)" }),
    context: param.choice(["shared", "local"], { default: "shared", label: "Request id kept in" }),
  },

  // The main thread, then the pool.
  workers: (params) => params.poolSize + 1,
  // Python threads under one GIL: fetch and store are waits, which release it.
  interpreter: () => ({ mode: "gil" }),

  setup: (shared) => ({
    // The executor's work queue (Python's is unbounded; this one has room for every task).
    work: shared.queue<Task | null>("work queue", { maxsize: 48 }),
    // Finished fetches, [n, request id in the response]: what as_completed waits on.
    finished: shared.queue<[number, number]>("finished fetches", { maxsize: 12 }),
    // The order in which the main thread received the results.
    received: shared.queue<number>("results received", { maxsize: 12 }),
    // One line per task run: [n, stage, pool thread, start, end].
    log: shared.queue<number[]>("task log", { maxsize: 48, slotBytes: 128 }),
    // A module-level variable in Python: one for every thread.
    currentRequest: shared.int("current request id", -1),
    mixups: shared.int("responses with the wrong id"),
  }),

  worker: (s, ctx) => {
    const { tasks, poolSize, context } = ctx.params;

    if (ctx.id === 0) {
      // The main thread. Submit every fetch: executor.submit(fetch, n).
      for (let n = 0; n < tasks; n++) s.work.put([n, FETCH]);
      // for future in as_completed(futures): ... future.result()
      for (let i = 0; i < tasks; i++) {
        const [n, id] = s.finished.get();
        s.received.put(n);
        if (id !== n) s.mixups.add(1);
      }
      // executor.shutdown(wait=True): wait for every task submitted, including
      // those the callbacks submit, then wake each pool thread with None.
      s.work.join();
      for (let i = 0; i < poolSize; i++) s.work.put(null);
      return;
    }

    // A pool thread. Its own JavaScript variables are its own: nobody else
    // sees this object, which makes it Python's threading.local().
    const local = { requestId: -1 };

    const fetch = (n: number): number => {
      // Remember which request this thread is serving...
      if (context === "shared") s.currentRequest.set(n);
      else local.requestId = n;
      ctx.io(fetchTime(n, ctx.params.durations, ctx.params.fetchMs)); // waiting for the server
      // ...and tag the response with it.
      return context === "shared" ? s.currentRequest.get() : local.requestId;
    };

    // The task's done callbacks (Python's add_done_callback). They run in
    // the pool thread that finished the task, right after it.
    const whenDone = (n: number, stage: number, id: number): void => {
      if (stage === FETCH) {
        s.finished.put([n, id]); // as_completed hears of it
        // Exercise: chain the next stage here, by submitting it to the pool.
      }
      // Exercise: when a parse finishes, submit the store.
    };

    for (;;) {
      const task = s.work.get();
      if (task === null) return; // None: the pool is shutting down
      const [n, stage] = task;
      ctx.mark(100 * stage + n); // on the timeline: n for fetch, 100 + n for parse, 200 + n for store
      const start = ctx.now();
      let id = n;
      if (stage === FETCH) id = fetch(n);
      else if (stage === PARSE) ctx.cpu(PARSE_CPU_MS);
      else ctx.io(STORE_MS);
      s.log.put([n, stage, ctx.id, start, ctx.now()]);
      whenDone(n, stage, id);
      s.work.taskDone(); // after the callbacks, so join() cannot miss what they submit
    }
  },

  result: (s, params) => {
    const received = drain(s.received) as number[];
    const lines = drain(s.log) as number[][];
    const line = (n: number, stage: number) => lines.find(([m, st]) => m === n && st === stage);
    const firstStart = Math.min(...lines.map((l) => l[3]!)); // times from the first task's start
    const endOf = (n: number, stage: number) => {
      const found = line(n, stage);
      return found ? round(found[4]! - firstStart) : null;
    };
    const requests = Array.from({ length: params.tasks }, (_, n) => n);
    const stored = requests.filter((n) => line(n, STORE));
    const chainInOrder = stored.every((n) => line(n, FETCH)![4]! <= line(n, PARSE)![3]! && line(n, PARSE)![4]! <= line(n, STORE)![3]!);

    return {
      completedTask: received,
      reordered: received.filter((n, i) => n !== i).length,
      mixups: s.mixups.get(),
      fetched: lines.filter(([, stage]) => stage === FETCH).length,
      parsed: lines.filter(([, stage]) => stage === PARSE).length,
      stored: stored.length,
      chainInOrder,
      fetchMs: requests.map((n) => fetchTime(n, params.durations, params.fetchMs)),
      fetchedAtMs: requests.map((n) => endOf(n, FETCH)),
      parsedAtMs: requests.map((n) => endOf(n, PARSE)),
      storedAtMs: requests.map((n) => endOf(n, STORE)),
    };
  },
});

function fetchTime(n: number, durations: string, longestMs: number): number {
  return durations === "equal" ? longestMs : Math.round(longestMs * MIXED[n % MIXED.length]!);
}

/** Everything left in a queue, oldest first (run once every worker has finished). */
function drain<T>(queue: { empty(): boolean; getNowait(): T }): T[] {
  const items: T[] = [];
  while (!queue.empty()) items.push(queue.getNowait());
  return items;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
