import { defineAsyncScenario, param, TimeoutError } from "interleave";

// `clients` clients call one flaky service at the same moment, each as a task
// on the event loop, and retry with exponential back-off until an attempt
// succeeds, `attempts` run out, or their overall deadline passes.
//
// The service holds at most `capacity` requests at once and turns the rest
// away at once ("503: overloaded"). Of the requests it takes, `failRate`
// percent fail: most answer "503" after 50 ms, one in three hangs (no answer
// for an hour). Which attempts fail, and each jittered pause, are drawn from
// `seed`: the same seed gives the same run, in every schedule.
//
// A client waits baseDelayMs after its first failure, then twice that, then
// four times, ... With `jitter` full, it waits a random part of that instead.
// `attemptTimeoutMs` bounds each attempt (0: none); `deadlineMs` bounds the
// whole call, all attempts and pauses together (0: none).
//
// Time is the loop's virtual clock: an hour of waiting takes no real time.

/** An overloaded service turns a request away this fast. */
const REFUSED_MS = 10;
/** A failing request gets its 503 after this long. */
const ERROR_MS = 50;
/** A hung request answers nothing for an hour, then its connection resets. */
const HANG_S = 3600;
/** Attempts are counted per window of this many ms: the chart and `retryPeak`. */
const WINDOW_MS = 20;

/** What the service answers when it fails: Python's ConnectionError. */
class ServiceError extends Error {
  override name = "ServiceError";
}

/** Every attempt failed: the last failure is its `cause`. */
class RetriesExhausted extends Error {
  override name = "RetriesExhausted";
}

/** What each draw from the seed decides, so that no two decisions share a number. */
const DRAW = { fails: 1, hangs: 2, latency: 3, jitter: 4 } as const;

/** Murmur3's finalizer: mixes 32 bits so that nearby inputs give unrelated outputs. */
const mix = (h: number): number => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/** A number in [0, 1) fixed by its inputs: the seeded randomness of this run, the same in any schedule. */
const draw = (...inputs: number[]): number => inputs.reduce((h, input) => mix((h ^ input) >>> 0), 0) / 2 ** 32;

export default defineAsyncScenario({
  params: {
    clients: param.int({ default: 30, min: 1, max: 100, label: "Clients calling at once" }),
    failRate: param.int({ default: 30, min: 0, max: 100, label: "Requests that fail (%)" }),
    capacity: param.int({ default: 6, min: 1, max: 100, label: "Requests the service holds at once" }),
    baseDelayMs: param.int({ default: 500, min: 1, max: 60_000, label: "Back-off after the first failure (ms)" }),
    jitter: param.choice(["none", "full"], { default: "none", label: "Jitter on the back-off" }),
    attempts: param.int({ default: 5, min: 1, max: 10, label: "Attempts per client, at most" }),
    attemptTimeoutMs: param.int({ default: 0, min: 0, max: 60_000, label: "Timeout per attempt (ms, 0: none)" }),
    deadlineMs: param.int({ default: 10_000, min: 0, max: 600_000, label: "Deadline per client, all attempts (ms, 0: none)" }),
    seed: param.int({ default: 1, min: 1, max: 1000, label: "Random seed" }),
  },

  setup: () => ({
    atService: 0, // requests the service holds now
    atServiceOverTime: [[0, 0]] as [number, number][],
    attemptsIn: new Map<number, number>(), // window index -> attempts started in it
    retriesIn: new Map<number, number>(),
    attempts: 0,
    retries: 0,
    refused: 0,
    errors: 0,
    hangs: 0,
    attemptTimeouts: 0,
    succeeded: 0,
    timedOut: 0,
    gaveUp: 0,
    overran: 0, // clients still at work after their deadline
    successMs: [] as number[],
    elapsedMs: 0,
  }),

  main: async (state, loop, params) => {
    const now = () => Math.round(loop.time() * 1000);
    const countIn = (windows: Map<number, number>) => {
      const window = Math.floor(now() / WINDOW_MS);
      windows.set(window, (windows.get(window) ?? 0) + 1);
    };
    const atService = (change: number) => {
      state.atService += change;
      state.atServiceOverTime.push([now(), state.atService]);
    };

    // One request to the service. It holds one of the service's places until
    // it ends, however it ends: answered, failed, or cancelled by a timeout.
    const attemptOnce = async (client: number, attempt: number) => {
      state.attempts++;
      countIn(state.attemptsIn);
      if (attempt > 1) {
        state.retries++;
        countIn(state.retriesIn);
      }
      if (state.atService >= params.capacity) {
        state.refused++;
        await loop.io(REFUSED_MS / 1000);
        throw new ServiceError("503: overloaded");
      }
      atService(+1);
      try {
        if (draw(params.seed, client, attempt, DRAW.fails) < params.failRate / 100) {
          if (draw(params.seed, client, attempt, DRAW.hangs) < 1 / 3) {
            state.hangs++;
            await loop.io(HANG_S);
            throw new ServiceError("connection reset");
          }
          state.errors++;
          await loop.io(ERROR_MS / 1000);
          throw new ServiceError("503: internal error");
        }
        await loop.io((60 + Math.round(120 * draw(params.seed, client, attempt, DRAW.latency))) / 1000);
      } finally {
        atService(-1);
      }
    };

    const request = (client: number, attempt: number) =>
      params.attemptTimeoutMs > 0
        ? loop.waitFor(() => attemptOnce(client, attempt), params.attemptTimeoutMs / 1000)
        : attemptOnce(client, attempt);

    // Exponential back-off: base, 2 x base, 4 x base, ... With full jitter, a
    // random pause between 0 and that, so that clients that failed together
    // do not all come back together.
    const backoffSeconds = (client: number, failures: number) => {
      const ceilingMs = params.baseDelayMs * 2 ** (failures - 1);
      const pauseMs = params.jitter === "full" ? ceilingMs * draw(params.seed, client, failures, DRAW.jitter) : ceilingMs;
      return pauseMs / 1000;
    };

    const callWithRetries = async (client: number) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await request(client, attempt);
        } catch (error) {
          // Whatever went wrong, the attempt failed: pause, then try again.
          if (error instanceof TimeoutError) state.attemptTimeouts++;
          if (attempt >= params.attempts) throw new RetriesExhausted(`gave up after ${attempt} attempts`, { cause: error });
        }
        await loop.sleep(backoffSeconds(client, attempt));
      }
    };

    const withDeadline = (body: () => Promise<void>) =>
      params.deadlineMs > 0 ? loop.timeout(params.deadlineMs / 1000, body) : body();

    const client = async (id: number) => {
      const began = now();
      try {
        await withDeadline(() => callWithRetries(id));
        state.succeeded++;
        state.successMs.push(now() - began);
      } catch (error) {
        if (error instanceof TimeoutError) state.timedOut++;
        else if (error instanceof RetriesExhausted) state.gaveUp++;
        else throw error;
      } finally {
        if (params.deadlineMs > 0 && now() - began > params.deadlineMs) state.overran++;
      }
    };

    const ids = Array.from({ length: params.clients }, (_, i) => i + 1);
    await loop.gather(ids.map((id) => loop.createTask(() => client(id), `client-${id}`)));
    state.elapsedMs = now();
  },

  result: (state) => {
    const successMs = [...state.successMs].sort((a, b) => a - b);
    const percentile = (p: number) => (successMs.length === 0 ? 0 : successMs[Math.ceil((p / 100) * successMs.length) - 1]!);
    return {
      succeeded: state.succeeded,
      timedOut: state.timedOut,
      gaveUp: state.gaveUp,
      overran: state.overran,
      attempts: state.attempts,
      retries: state.retries,
      refused: state.refused,
      errors: state.errors,
      hangs: state.hangs,
      attemptTimeouts: state.attemptTimeouts,
      // The most retries that reached the service within one window.
      retryPeak: Math.max(0, ...state.retriesIn.values()),
      p50Ms: percentile(50),
      p95Ms: percentile(95),
      maxMs: successMs.at(-1) ?? 0,
      elapsedMs: state.elapsedMs,
      successMs,
      attemptsPerWindow: steps(state.attemptsIn),
      atService: lastPerMs(state.atServiceOverTime),
    };
  },
});

/** Counts per window as steps over time: each window's count, and 0 where no attempt started. */
function steps(windows: Map<number, number>): [number, number][] {
  const points: [number, number][] = windows.has(0) ? [] : [[0, 0]];
  for (const window of [...windows.keys()].sort((a, b) => a - b)) {
    points.push([window * WINDOW_MS, windows.get(window)!]);
    if (!windows.has(window + 1)) points.push([(window + 1) * WINDOW_MS, 0]);
  }
  return points;
}

/** One point per ms, the last value it reached: a chart's step needs no more. */
function lastPerMs(points: readonly [number, number][]): [number, number][] {
  return points.filter(([ms], i) => points[i + 1]?.[0] !== ms);
}
