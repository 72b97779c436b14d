import { defineAsyncScenario, param, type Job } from "interleave";

// A dashboard fetches `calls` pages of records from a slow service, all on one
// event loop. Page p answers after latency + 10·(p−1) ms. Each reply is then
// parsed: `cpu` ms of computing, on the loop itself or sent to a pool of
// workers. A monitor task measures how late the loop wakes it: the loop's lag.

const RECORDS_PER_PAGE = 50;
const TICK = 0.01; // the monitor's interval, in seconds: 10 ms

// Parsing one reply, as a job a pool's worker can run: plain data in (how
// much work), plain data out (how many records it found).
const parse: Job = (units, ctx) => {
  ctx.cpu(units as number); // about 1 ms of computing a unit
  return RECORDS_PER_PAGE;
};

const ms = (seconds: number) => Math.round(seconds * 100_000) / 100; // to ms, 0.01 ms apart

// A chart draws at most 400 points: a longer run keeps the worst lag of each of 400 equal spans of time.
const worstPerSpan = (points: [number, number][], spans = 400) => {
  if (points.length <= spans) return points;
  const start = points[0]?.[0] ?? 0;
  const width = ((points.at(-1)?.[0] ?? start) - start) / spans || 1;
  const kept = new Map<number, [number, number]>();
  for (const point of points) {
    const span = Math.min(spans - 1, Math.floor((point[0] - start) / width));
    if (point[1] > (kept.get(span)?.[1] ?? -1)) kept.set(span, point);
  }
  return [...kept.values()];
};

export default defineAsyncScenario({
  params: {
    calls: param.int({ default: 4, min: 1, max: 12, label: "Calls to the service" }),
    latency: param.int({ default: 100, min: 10, max: 1000, label: "Latency of the first call (ms)" }),
    style: param.choice(["sequential", "gather", "tasks"], { default: "sequential", label: "How main awaits the calls" }),
    cpu: param.int({ default: 0, min: 0, max: 500, label: "CPU work per reply (ms)" }),
    offload: param.choice(["none", "threads", "processes"], { default: "none", label: "Where the parsing runs" }),
  },

  // No pool: the parsing runs on the loop, and the loop's clock is virtual (exact).
  // A pool of 2 threads or 2 processes: its jobs take real time, so the clock is real.
  executor: (params) => (params.offload === "none" ? null : { kind: params.offload, workers: 2 }),
  jobs: { parse },

  setup: () => ({
    records: 0, // records counted so far, by every task
    parsing: 0, // replies being parsed right now
    running: true,
    totalMs: 0,
    lag: [] as [number, number][], // [loop time, how late the monitor woke], in ms
    ticksWhileParsing: 0,
    lateMs: [] as number[], // per page: how long after its reply came its task went on
  }),

  main: async (state, loop, params) => {
    const latencyOf = (page: number) => (params.latency + 10 * (page - 1)) / 1000;

    // The monitor: sleep one tick, then note how much later than asked it woke.
    const watchLag = async () => {
      while (state.running) {
        const intended = loop.time() + TICK;
        await loop.sleep(TICK);
        state.lag.push([ms(loop.time()), ms(loop.time() - intended)]);
        if (state.parsing > 0) state.ticksWhileParsing += 1;
      }
    };

    const parseReply = async (): Promise<number> => {
      state.parsing += 1;
      let records = RECORDS_PER_PAGE;
      if (params.offload === "none") loop.cpu(params.cpu); // on the loop: no other task runs meanwhile
      else records = (await loop.runInExecutor(parse, params.cpu)) as number; // on the pool: the loop goes on
      state.parsing -= 1;
      return records;
    };

    const fetchPage = async (page: number) => {
      const due = loop.time() + latencyOf(page);
      await loop.io(latencyOf(page)); // the request: other tasks run while it is out
      state.lateMs[page - 1] = ms(loop.time() - due);
      const records = await parseReply();
      state.records += records; // read and write with no await between: no other task runs in the middle
    };

    const monitor = loop.createTask(watchLag, "monitor");
    const pages = Array.from({ length: params.calls }, (_, i) => i + 1);
    const started = loop.time();
    if (params.style === "sequential") {
      for (const page of pages) await fetchPage(page);
    } else if (params.style === "gather") {
      await loop.gather(pages.map((page) => () => fetchPage(page)));
    } else {
      const tasks = pages.map((page) => loop.createTask(() => fetchPage(page), `page ${page}`));
      for (const task of tasks) await task; // every request is out before main waits for the first
    }
    state.totalMs = ms(loop.time() - started);
    state.running = false;
    await monitor;
  },

  result: (state, params) => {
    const latencies = Array.from({ length: params.calls }, (_, i) => params.latency + 10 * i);
    const lags = state.lag.map(([, lag]) => lag);
    return {
      totalMs: state.totalMs,
      sumMs: latencies.reduce((a, b) => a + b, 0),
      slowestMs: Math.max(...latencies),
      records: state.records,
      expected: RECORDS_PER_PAGE * params.calls,
      maxLagMs: Math.max(0, ...lags),
      meanLagMs: lags.length === 0 ? 0 : Math.round((lags.reduce((a, b) => a + b, 0) / lags.length) * 100) / 100,
      ticksWhileParsing: state.ticksWhileParsing,
      lag: worstPerSpan(state.lag),
      lateMs: state.lateMs,
    };
  },
});
