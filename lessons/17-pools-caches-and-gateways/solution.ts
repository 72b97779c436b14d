import { defineAsyncScenario, param, TimeoutError, type AsyncEvent, type Loop, type Task } from "interleave";

// Two bursts of requests with a quiet spell between them, in one of two modes:
//   pool     every request is a task of its own that borrows a connection
//            from the pool for one query; a request that cannot get one within
//            the acquire timeout is answered 503
//   gateway  an API gateway: a pool of `handlers` tasks takes requests from a
//            queue and answers each from a TTL cache, or on a miss fetches the
//            key from the backend over a pooled connection and caches it
// In both, a health check looks at the pool every HEALTH_MS.
//
// Time is the loop's virtual clock: a run takes no real time, and every run
// with the same parameters goes exactly the same way.
//
// Solution: the cache keeps the fetch under way for each key. A request that
// misses while one is under way awaits that fetch instead of starting its own,
// so one backend call serves every request waiting for the key.

const CONNECT_MS = 50; // opening a new connection
const QUERY_MS = 100; // one query, in pool mode
const BACKEND_MS = 80; // one fetch from the backend, in gateway mode
const ARRIVAL_MS = 25; // between two requests of a burst
const HEALTH_MS = 100; // how often the health check looks
const REAP_EVERY_MS = 100; // how often the reaper looks for idle connections

/** When each request arrives, in ms: half of them in a first burst, the rest after the quiet spell. */
function arrivals(requests: number, quietMs: number): number[] {
  const first = Math.ceil(requests / 2);
  const secondStart = (first - 1) * ARRIVAL_MS + quietMs;
  return Array.from({ length: requests }, (_, i) => (i < first ? i * ARRIVAL_MS : secondStart + (i - first) * ARRIVAL_MS));
}

/** Which key each request asks for: a fixed pseudo-random mix in which key 0 is hot and each next key rarer. */
function requestedKeys(requests: number, keys: number): number[] {
  let seed = 17;
  const next = () => {
    seed = (seed * 48_271) % 2_147_483_647; // the MINSTD generator: exact in floating point, so Python gets the same mix
    return seed / 2_147_483_647;
  };
  return Array.from({ length: requests }, () => Math.floor(keys * next() ** 2));
}

/** The value at `percent` of the sorted `values` (nearest rank); 0 for none. */
function percentile(values: number[], percent: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1)]!;
}

class PoolTimeout extends Error {
  override name = "PoolTimeout";
}

interface PoolSettings {
  minSize: number;
  maxSize: number;
  idleMs: number;
  acquireTimeoutMs: number;
}

/**
 * An async connection pool. A semaphore of `maxSize` permits bounds the
 * connections lent out; a borrower takes the most recently returned idle
 * connection, or opens one. Connections idle longer than `idleMs` are closed
 * by the reaper, down to `minSize`. `watch` sees every change, for the chart.
 */
function connectionPool(loop: Loop, settings: PoolSettings, watch: () => void) {
  if (settings.minSize > settings.maxSize) {
    throw new RangeError(`minSize (${settings.minSize}) is larger than maxSize (${settings.maxSize}): a pool cannot keep more connections open than it may open.`);
  }
  const permits = loop.semaphore("pool", settings.maxSize);
  const idle: { id: number; since: number }[] = []; // most recently returned last
  const stats = { open: 0, inUse: 0, waiting: 0, opened: 0, reaped: 0 };

  const connect = async (): Promise<number> => {
    stats.open++;
    const id = ++stats.opened;
    watch();
    await loop.io(CONNECT_MS / 1000);
    return id;
  };

  return {
    stats,
    async start(): Promise<void> {
      const ids = await loop.gather(Array.from({ length: settings.minSize }, () => connect));
      for (const id of ids) idle.push({ id: Number(id), since: loop.time() });
    },
    async acquire(): Promise<number> {
      const queued = permits.locked(); // every connection is lent out: this borrower waits its turn
      if (queued) {
        stats.waiting++;
        watch();
      }
      try {
        await loop.timeout(settings.acquireTimeoutMs / 1000, () => permits.acquire());
      } catch (error) {
        if (error instanceof TimeoutError) throw new PoolTimeout(`no connection free within ${settings.acquireTimeoutMs} ms`);
        throw error;
      } finally {
        if (queued) stats.waiting--;
      }
      stats.inUse++;
      watch();
      // The most recently returned first: the surplus of a burst stays idle together, and the reaper can close it.
      return idle.pop()?.id ?? (await connect());
    },
    release(id: number): void {
      idle.push({ id, since: loop.time() });
      stats.inUse--;
      permits.release();
      watch();
    },
    /** Closes connections idle for `idleMs` or more, oldest first, while more than `minSize` are open. */
    reap(): void {
      const cutoff = loop.time() - settings.idleMs / 1000;
      while (stats.open > settings.minSize && idle.length > 0 && idle[0]!.since <= cutoff + 1e-9) {
        idle.shift();
        stats.open--;
        stats.reaped++;
      }
      watch();
    },
  };
}

type Pool = ReturnType<typeof connectionPool>;

/** Runs `body` every `everyMs` until `stop` is set, as `while not stop.is_set(): ... await wait_for(stop.wait(), every)`. */
async function every(loop: Loop, everyMs: number, stop: AsyncEvent, body: () => void): Promise<void> {
  while (!stop.isSet()) {
    try {
      await loop.timeout(everyMs / 1000, () => stop.wait());
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
      body();
    }
  }
}

/**
 * The gateway's TTL cache in front of the backend. `fetch` asks the backend
 * for a key; the cache keeps each answer for `ttlMs`. `counts` says how each
 * lookup was served.
 */
function ttlCache(loop: Loop, ttlMs: number, fetch: (key: number) => Promise<string>) {
  const entries = new Map<number, { value: string; expires: number }>();
  const inFlight = new Map<number, Task<string>>(); // the fetch under way for each key
  const counts = { hits: 0, misses: 0, joined: 0 };

  const fresh = (key: number) => {
    const entry = entries.get(key);
    return entry !== undefined && loop.time() < entry.expires - 1e-9 ? entry.value : undefined;
  };

  return {
    counts,
    async get(key: number): Promise<string> {
      const cached = fresh(key);
      if (cached !== undefined) {
        counts.hits++;
        return cached;
      }
      const pending = inFlight.get(key);
      if (pending !== undefined) {
        counts.joined++;
        return await pending;
      }
      counts.misses++;
      // Registered before the first await: a request that misses a moment later finds it.
      const fetching = loop.createTask(async () => {
        try {
          const value = await fetch(key);
          entries.set(key, { value, expires: loop.time() + ttlMs / 1000 });
          return value;
        } finally {
          inFlight.delete(key);
        }
      }, `fetch key ${key}`);
      inFlight.set(key, fetching);
      return await fetching;
    },
  };
}

export default defineAsyncScenario({
  params: {
    mode: param.choice(["pool", "gateway"], { default: "pool", label: "Mode" }),
    requests: param.int({ default: 40, min: 2, max: 400, label: "Requests (half in each burst)" }),
    minSize: param.int({ default: 2, min: 0, max: 20, label: "Pool min size (kept open)" }),
    maxSize: param.int({ default: 5, min: 1, max: 50, label: "Pool max size" }),
    idleMs: param.int({ default: 500, min: 50, max: 10_000, label: "Idle time before a connection is reaped (ms)" }),
    acquireTimeoutMs: param.int({ default: 300, min: 10, max: 10_000, label: "Acquire timeout (ms)" }),
    quietMs: param.int({ default: 1500, min: 100, max: 10_000, label: "Quiet spell between the bursts (ms)" }),
    handlers: param.int({ default: 4, min: 1, max: 50, label: "Gateway: handler tasks (worker pool)" }),
    keys: param.int({ default: 4, min: 1, max: 100, label: "Gateway: distinct keys in the mix" }),
    ttlMs: param.int({ default: 500, min: 0, max: 10_000, label: "Gateway: cache TTL (ms)" }),
  },

  setup: () => ({
    latenciesMs: [] as number[], // of the requests answered, from arrival to answer
    timeouts: 0, // requests answered 503: no connection within the acquire timeout
    backendCalls: 0,
    duplicateFetches: 0, // fetches started while another fetch of the same key was under way
    fetching: new Map<number, number>(), // fetches under way, per key
    peakOpen: 0,
    peakInUse: 0,
    peakWaiting: 0,
    openAtSecondBurst: -1,
    opened: 0,
    reaped: 0,
    hits: 0,
    misses: 0,
    joined: 0,
    healthChecks: 0,
    degradedChecks: 0,
    occupancy: { open: [] as [number, number][], inUse: [] as [number, number][], waiting: [] as [number, number][] },
    healthOverTime: [] as [number, number][],
    hitRatioOverTime: [] as [number, number][],
  }),

  main: async (state, loop, params) => {
    let startedAt = 0; // the traffic starts once the pool has opened its minSize connections
    const now = () => Math.round((loop.time() - startedAt) * 100_000) / 100; // ms, 0.01 ms apart
    const schedule = arrivals(params.requests, params.quietMs);
    const keys = requestedKeys(params.requests, params.keys);
    const secondBurstMs = schedule[Math.ceil(params.requests / 2)] ?? Infinity;

    const record = (points: [number, number][], value: number) => {
      const at = now();
      if (points.at(-1)?.[0] === at) points.pop(); // several changes at one moment: the chart shows where they ended
      points.push([at, value]);
    };
    let pool: Pool;
    const watchPool = () => {
      const { open, inUse, waiting } = pool.stats;
      state.peakOpen = Math.max(state.peakOpen, open);
      state.peakInUse = Math.max(state.peakInUse, inUse);
      state.peakWaiting = Math.max(state.peakWaiting, waiting);
      record(state.occupancy.open, open);
      record(state.occupancy.inUse, inUse);
      record(state.occupancy.waiting, waiting);
    };
    pool = connectionPool(loop, params, watchPool);

    let failedSinceCheck = 0;
    const checkHealth = () => {
      // Degraded: a request is waiting for a connection, or one was refused since the last look.
      const healthy = pool.stats.waiting === 0 && failedSinceCheck === 0;
      failedSinceCheck = 0;
      state.healthChecks++;
      if (!healthy) state.degradedChecks++;
      record(state.healthOverTime, healthy ? 1 : 0);
    };

    const withConnection = async <T>(body: () => Promise<T>): Promise<T> => {
      const connection = await pool.acquire();
      try {
        return await body();
      } finally {
        pool.release(connection);
      }
    };

    const fetchFromBackend = async (key: number): Promise<string> => {
      state.backendCalls++;
      const already = state.fetching.get(key) ?? 0;
      if (already > 0) state.duplicateFetches++;
      state.fetching.set(key, already + 1);
      try {
        return await withConnection(async () => {
          await loop.io(BACKEND_MS / 1000);
          return `value of key ${key}`;
        });
      } finally {
        state.fetching.set(key, state.fetching.get(key)! - 1);
      }
    };
    const cache = ttlCache(loop, params.ttlMs, fetchFromBackend);

    // One request: a query (pool mode) or a cached lookup (gateway mode); 503 when no connection comes in time.
    const handle = async (i: number) => {
      const arrivedMs = schedule[i]!;
      try {
        if (params.mode === "pool") await withConnection(() => loop.io(QUERY_MS / 1000));
        else await cache.get(keys[i]!);
        state.latenciesMs.push(now() - arrivedMs);
      } catch (error) {
        if (!(error instanceof PoolTimeout)) throw error;
        state.timeouts++;
        failedSinceCheck++;
      }
      if (params.mode === "gateway") {
        const { hits } = cache.counts;
        record(state.hitRatioOverTime, Math.round((100 * hits) / (state.latenciesMs.length + state.timeouts)));
      }
    };

    const sleepUntil = async (ms: number) => {
      const wait = ms / 1000 - (loop.time() - startedAt);
      if (wait > 0) await loop.sleep(wait);
    };

    await pool.start();
    startedAt = loop.time();
    const stop = loop.event("stop");
    const reaper = loop.createTask(() => every(loop, REAP_EVERY_MS, stop, () => pool.reap()), "reaper");
    const health = loop.createTask(() => every(loop, HEALTH_MS, stop, checkHealth), "health");

    if (params.mode === "pool") {
      // Each request is a task of its own: nothing limits how many wait for the pool at once.
      const requests: Task<void>[] = [];
      for (const [i, arrivedMs] of schedule.entries()) {
        await sleepUntil(arrivedMs);
        if (arrivedMs === secondBurstMs) state.openAtSecondBurst = pool.stats.open;
        requests.push(loop.createTask(() => handle(i), `request ${i + 1}`));
      }
      await loop.gather(requests);
    } else {
      // The gateway's worker pool: `handlers` tasks take requests from one queue.
      const queue = loop.queue<number | null>("requests");
      const handler = async () => {
        for (let i = await queue.get(); i !== null; i = await queue.get()) await handle(i);
      };
      const handlers = Array.from({ length: params.handlers }, (_, n) => loop.createTask(handler, `handler ${n + 1}`));
      for (const [i, arrivedMs] of schedule.entries()) {
        await sleepUntil(arrivedMs);
        if (arrivedMs === secondBurstMs) state.openAtSecondBurst = pool.stats.open;
        queue.putNowait(i);
      }
      for (let n = 0; n < params.handlers; n++) queue.putNowait(null); // one "no more work" for each handler
      await loop.gather(handlers);
    }
    stop.set();
    await loop.gather([reaper, health]);
    state.opened = pool.stats.opened;
    state.reaped = pool.stats.reaped;
    ({ hits: state.hits, misses: state.misses, joined: state.joined } = cache.counts);
  },

  result: (state, params) => {
    const answered = state.latenciesMs.length;
    return {
      requests: params.requests,
      served: answered,
      timeouts: state.timeouts,
      p50Ms: Math.round(percentile(state.latenciesMs, 50)),
      p95Ms: Math.round(percentile(state.latenciesMs, 95)),
      backendMs: BACKEND_MS,
      peakOpen: state.peakOpen,
      peakInUse: state.peakInUse,
      peakWaiting: state.peakWaiting,
      opened: state.opened,
      reaped: state.reaped,
      openAtSecondBurst: state.openAtSecondBurst,
      hits: state.hits,
      misses: state.misses,
      joined: state.joined,
      hitRatio: params.mode === "gateway" && answered + state.timeouts > 0 ? Math.round((100 * state.hits) / (answered + state.timeouts)) : 0,
      backendCalls: state.backendCalls,
      duplicateFetches: state.duplicateFetches,
      healthChecks: state.healthChecks,
      degradedChecks: state.degradedChecks,
      open: state.occupancy.open,
      inUse: state.occupancy.inUse,
      waiting: state.occupancy.waiting,
      healthy: state.healthOverTime,
      hitRatioOverTime: state.hitRatioOverTime,
    };
  },
});
