import { defineAsyncScenario, param, type Loop } from "interleave";

// An API whose backend takes SERVICE_MS per request. Clients offer requests
// on a schedule of three equal parts: quiet (a quarter of `offered` a second),
// a spike (`offered` a second), quiet again. `limiter` is what stands in
// front of the backend:
//   none            every request goes straight in
//   semaphore       at most `limit` requests at the backend at once; the rest wait in line
//   token-bucket    `rate` tokens a second drip in, at most `burst` are kept; no token: 429
//   sliding-window  at most `limit` admissions in any `window` ms; one more: 429
//   bounded-queue   the client puts requests in a queue of `limit` places that
//                   CONSUMERS workers empty; when it is full, the client waits
//
// Time is the loop's virtual clock: a run takes no real time, and every run
// with the same parameters goes exactly the same way.
//
// Solution: the token bucket takes its token in the same step as it checks
// for one, and writes the ledger afterwards. No other task runs between the
// check and the take, so no two requests can spend one token, at any load.

const SERVICE_MS = 200; // the backend's time per request
const LEDGER_MS = 20; // writing one admission to the audit ledger
const CONSUMERS = 4; // the workers that empty the bounded queue
const SAMPLE_MS = 100; // how often the rate chart samples, at the most
const ROUNDING = 1e-9; // sums of clock times in floating point land a hair off a whole number: compare with this much slack

/** When each request is offered, in ms: a quiet third, a spike, a quiet third. */
function offeredSchedule(offered: number, seconds: number): number[] {
  const third = (seconds * 1000) / 3;
  const parts: [number, number, number][] = [
    [0, third, offered / 4],
    [third, 2 * third, offered],
    [2 * third, 3 * third, offered / 4],
  ];
  return parts.flatMap(([from, to, perSecond]) => {
    const times: number[] = [];
    for (let k = 0; from + (k * 1000) / perSecond < to - ROUNDING; k++) times.push(Math.round(from + (k * 1000) / perSecond));
    return times;
  });
}

/**
 * A token bucket: `rate` tokens a second drip in, and at most `burst` are
 * kept, so a quiet spell saves up a burst. A request that finds no token is
 * refused. Every admission is written to the audit ledger. `watch` sees the
 * tokens left after each change, for the chart.
 */
function tokenBucket(loop: Loop, rate: number, burst: number, writeLedger: (id: number) => Promise<void>, watch: (tokens: number) => void) {
  let tokens = burst;
  let updated = loop.time();
  const refill = () => {
    tokens = Math.min(burst, tokens + (loop.time() - updated) * rate);
    updated = loop.time();
    watch(tokens);
  };
  return {
    async allow(id: number): Promise<boolean> {
      refill();
      if (tokens < 1 - ROUNDING) return false;
      tokens -= 1; // taken before the await: the check is still true when it is acted on
      watch(tokens);
      await writeLedger(id);
      return true;
    },
  };
}

/** A sliding-window log: admits a request when fewer than `limit` were admitted in the last `windowMs`. */
function slidingWindow(loop: Loop, limit: number, windowMs: number) {
  const admittedAt: number[] = []; // the admissions still inside the window, oldest first
  return {
    allow(): boolean {
      const now = loop.time() * 1000;
      while (admittedAt.length > 0 && admittedAt[0]! <= now - windowMs + ROUNDING) admittedAt.shift();
      if (admittedAt.length >= limit) return false;
      admittedAt.push(now);
      return true;
    },
  };
}

/** Tokens spent that the bucket did not have: how far below zero its count went, in whole requests. */
function tokensOverspent(tokens: [number, number][]): number {
  const lowest = Math.min(0, ...tokens.map(([, left]) => left));
  return Math.max(0, Math.ceil(-lowest - 1e-6)); // max: a count that never went below zero is 0, not -0
}

/** The most admissions in one window of `windowMs` (a half-open span ending at an admission). */
function mostInWindow(admittedMs: number[], windowMs: number): number {
  let most = 0;
  let first = 0;
  admittedMs.forEach((ms, j) => {
    while (admittedMs[first]! <= ms - windowMs + ROUNDING) first++;
    most = Math.max(most, j - first + 1);
  });
  return most;
}

/**
 * How many of `times` (in order) fall in the second up to each sample, from 0
 * to `endMs`: requests per second, at most about 400 samples.
 */
function perSecond(times: number[], endMs: number): [number, number][] {
  const step = SAMPLE_MS * Math.ceil((endMs + SAMPLE_MS) / SAMPLE_MS / 400);
  const samples: number[] = [];
  for (let at = 0; at < endMs; at += step) samples.push(at);
  samples.push(endMs);
  let upTo = 0; // times before upTo are at or before the sample
  let from = 0; // times before from are a second or more before it
  return samples.map((at) => {
    while (upTo < times.length && times[upTo]! <= at) upTo++;
    while (from < upTo && times[from]! <= at - 1000) from++;
    return [at, upTo - from];
  });
}

/** The series held at its last value until `endMs`, so that every chart of a run ends where the run did. */
function untilEnd(points: [number, number][], endMs: number): [number, number][] {
  const last = points.at(-1);
  return last === undefined || last[0] >= endMs ? points : [...points, [endMs, last[1]]];
}

/**
 * At most 400 points, for a chart: a longer series keeps, of each of 400 equal
 * spans of time, its point furthest in the direction `sign` (1: highest, -1: lowest).
 */
function extremePerSpan(points: [number, number][], sign: 1 | -1 = 1, spans = 400): [number, number][] {
  if (points.length <= spans) return points;
  const width = (points.at(-1)![0] - points[0]![0]) / spans || 1;
  const kept = new Map<number, [number, number]>();
  for (const point of points) {
    const span = Math.min(spans - 1, Math.floor((point[0] - points[0]![0]) / width));
    const best = kept.get(span);
    if (best === undefined || sign * point[1] > sign * best[1]) kept.set(span, point);
  }
  return [...kept.values()];
}

export default defineAsyncScenario({
  params: {
    limiter: param.choice(["none", "semaphore", "token-bucket", "sliding-window", "bounded-queue"], { default: "none", label: "What stands in front of the backend" }),
    offered: param.int({ default: 40, min: 4, max: 500, label: "Offered at the spike (requests/s; a quarter before and after)" }),
    seconds: param.int({ default: 6, min: 1, max: 30, label: "Length of the schedule (s)" }),
    limit: param.int({ default: 4, min: 1, max: 100, label: "Limit: semaphore permits, admissions per window, queue places" }),
    rate: param.int({ default: 16, min: 1, max: 500, label: "Token bucket rate (tokens/s)" }),
    burst: param.int({ default: 8, min: 1, max: 100, label: "Token bucket burst (tokens kept)" }),
    window: param.int({ default: 250, min: 10, max: 5000, label: "Sliding window (ms)" }),
  },

  setup: () => ({
    admittedMs: [] as number[], // when each admitted request passed the limiter
    rejected: 0,
    served: 0,
    inFlight: 0, // requests at the backend now
    waiting: 0, // requests in line: for the semaphore, or in the bounded queue
    peakInFlight: 0,
    peakWaiting: 0,
    inFlightOverTime: [[0, 0]] as [number, number][],
    waitingOverTime: [[0, 0]] as [number, number][],
    tokensOverTime: [] as [number, number][], // the token bucket's tokens left
    maxLatencyMs: 0, // from when a request was offered to when its answer came
    producerLagMs: 0, // how far behind its schedule the bounded queue held the client
    endMs: 0,
  }),

  main: async (state, loop, params) => {
    const now = () => Math.round(loop.time() * 100_000) / 100; // ms, 0.01 ms apart
    const schedule = offeredSchedule(params.offered, params.seconds);

    const setInFlight = (change: number) => {
      state.inFlight += change;
      state.peakInFlight = Math.max(state.peakInFlight, state.inFlight);
      state.inFlightOverTime.push([now(), state.inFlight]);
    };
    const setWaiting = (count: number) => {
      state.waiting = count;
      state.peakWaiting = Math.max(state.peakWaiting, count);
      state.waitingOverTime.push([now(), count]);
    };
    const admit = () => state.admittedMs.push(now());

    // The backend: SERVICE_MS of I/O per request, however many there are.
    const serve = async (offeredMs: number) => {
      setInFlight(+1);
      await loop.io(SERVICE_MS / 1000);
      setInFlight(-1);
      state.served++;
      state.maxLatencyMs = Math.max(state.maxLatencyMs, now() - offeredMs);
    };

    const backend = loop.semaphore("backend", params.limit);
    const bucket = tokenBucket(
      loop,
      params.rate,
      params.burst,
      () => loop.io(LEDGER_MS / 1000),
      (tokens) => state.tokensOverTime.push([now(), Math.round(tokens * 100) / 100]),
    );
    const window = slidingWindow(loop, params.limit, params.window);

    // One request, offered at `offeredMs`, through the limiter to the backend.
    const handle = async (id: number, offeredMs: number) => {
      if (params.limiter === "semaphore") {
        const inLine = backend.locked(); // every permit is taken: this request waits its turn
        if (inLine) setWaiting(state.waiting + 1);
        await backend.hold(async () => {
          if (inLine) setWaiting(state.waiting - 1);
          admit();
          await serve(offeredMs);
        });
        return;
      }
      const allowed =
        params.limiter === "token-bucket" ? await bucket.allow(id) : params.limiter === "sliding-window" ? window.allow() : true;
      if (!allowed) {
        state.rejected++; // 429 Too Many Requests
        return;
      }
      admit();
      await serve(offeredMs);
    };

    const sleepUntil = async (ms: number) => {
      const wait = ms / 1000 - loop.time();
      if (wait > 0) await loop.sleep(wait);
    };

    if (params.limiter === "bounded-queue") {
      // The client waits for room in the queue: when the workers fall behind, so does it.
      const queue = loop.queue<number | null>("requests", params.limit);
      let stopsPut = 0; // the "no more work" markers, behind every request: they are not requests waiting
      const consume = async () => {
        for (let offeredMs = await queue.get(); offeredMs !== null; offeredMs = await queue.get()) {
          setWaiting(queue.qsize() - stopsPut);
          await serve(offeredMs);
        }
      };
      const consumers = Array.from({ length: CONSUMERS }, (_, i) => loop.createTask(consume, `worker ${i + 1}`));
      for (const offeredMs of schedule) {
        await sleepUntil(offeredMs);
        await queue.put(offeredMs);
        admit();
        setWaiting(queue.qsize());
        state.producerLagMs = Math.max(state.producerLagMs, now() - offeredMs);
      }
      for (let i = 0; i < CONSUMERS; i++) {
        await queue.put(null); // one "no more work" for each worker
        stopsPut++;
      }
      await loop.gather(consumers);
    } else {
      // Clients do not wait for each other: each request is a task of its own, on schedule.
      const requests = [];
      for (const [i, offeredMs] of schedule.entries()) {
        await sleepUntil(offeredMs);
        requests.push(loop.createTask(() => handle(i + 1, offeredMs), `request ${i + 1}`));
      }
      await loop.gather(requests);
    }
    state.endMs = now();
  },

  result: (state, params) => {
    const schedule = offeredSchedule(params.offered, params.seconds);
    const admitted = state.admittedMs;
    const endMs = Math.round(state.endMs);
    const hasLine = params.limiter === "semaphore" || params.limiter === "bounded-queue";
    const overLimit =
      params.limiter === "token-bucket"
        ? tokensOverspent(state.tokensOverTime)
        : params.limiter === "sliding-window"
          ? Math.max(0, mostInWindow(admitted, params.window) - params.limit)
          : params.limiter === "semaphore"
            ? Math.max(0, state.peakInFlight - params.limit)
            : params.limiter === "bounded-queue"
              ? Math.max(0, state.peakWaiting - params.limit)
              : 0;
    return {
      offered: schedule.length,
      admitted: admitted.length,
      rejected: state.rejected,
      served: state.served,
      // Admissions beyond what the limiter promises (0: the promise held).
      overLimit,
      peakAdmittedPerSec: mostInWindow(admitted, 1000),
      peakInFlight: state.peakInFlight,
      peakWaiting: state.peakWaiting,
      serviceMs: SERVICE_MS,
      maxLatencyMs: Math.round(state.maxLatencyMs),
      producerLagMs: Math.round(state.producerLagMs),
      endMs,
      offeredPerSec: perSecond(schedule, endMs),
      admittedPerSec: perSecond(admitted, endMs),
      inFlight: untilEnd(extremePerSpan(state.inFlightOverTime), endMs),
      // A line forms only before the semaphore or in the queue, and only the token bucket has tokens.
      ...(hasLine ? { waiting: untilEnd(extremePerSpan(state.waitingOverTime), endMs) } : {}),
      ...(params.limiter === "token-bucket" ? { tokens: untilEnd(extremePerSpan(state.tokensOverTime, -1), endMs) } : {}),
    };
  },
});
