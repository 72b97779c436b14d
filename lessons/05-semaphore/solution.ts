import { defineScenario, param } from "interleave";

// A database with `poolSize` connections and `clients` threads that each run
// `queries` queries. A semaphore with one permit per connection guards the
// pool: a client takes a permit before it uses a connection and gives it back
// after. Every `failEvery`-th query of a client fails (0: none do).
// Solution: a failed query no longer releases its permit in `catch` as well
// as in `finally`, so every acquire has exactly one release.
export default defineScenario({
  params: {
    poolSize: param.int({ default: 3, min: 1, max: 8, label: "Pool size (connections)" }),
    clients: param.int({ default: 8, min: 1, max: 12, label: "Clients (threads)" }),
    queries: param.int({ default: 5, min: 1, max: 20, label: "Queries per client" }),
    holdMs: param.int({ default: 20, min: 1, max: 200, label: "Query time (ms)" }),
    failEvery: param.int({ default: 0, min: 0, max: 10, label: "Every n-th query fails (0: none)" }),
    kind: param.choice(["semaphore", "bounded"], { default: "semaphore", label: "Semaphore kind" }),
  },

  workers: (params) => params.clients,
  // Python threads under one GIL; waiting for a permit or a query releases it.
  interpreter: () => ({ mode: "gil" }),

  setup: (shared, params) => ({
    // Python: threading.Semaphore(pool_size) or threading.BoundedSemaphore(pool_size)
    pool: params.kind === "bounded" ? shared.boundedSemaphore("pool", params.poolSize) : shared.semaphore("pool", params.poolSize),
    busy: shared.int("connections in use"),
    inUse: shared.series("in use"),
    served: shared.int("queries served"),
    failed: shared.int("queries failed"),
    finished: shared.int("clients finished"),
    permitsAtEnd: shared.int("permits at the end"),
    // Per client: total ms waited for a connection (in µs), and the most in use it saw.
    waitMicros: Array.from({ length: params.clients }, (_, i) => shared.int(`client ${i} wait (µs)`)),
    peaks: Array.from({ length: params.clients }, (_, i) => shared.int(`client ${i} peak`)),
  }),

  worker: ({ pool, busy, inUse, served, failed, finished, permitsAtEnd, waitMicros, peaks }, ctx) => {
    const { queries, holdMs, failEvery, clients } = ctx.params;
    let waited = 0;
    let peak = 0;

    for (let q = 1; q <= queries; q++) {
      const asked = ctx.now();
      pool.acquire(); // blocks while every connection is taken
      waited += ctx.now() - asked;
      const now = busy.add(1);
      inUse.record(now);
      peak = Math.max(peak, now);
      try {
        ctx.io(holdMs); // the query runs on the connection
        if (failEvery > 0 && q % failEvery === 0) throw new Error("connection reset");
        served.add(1);
      } catch {
        failed.add(1); // no release here: `finally` gives the permit back, once
      } finally {
        inUse.record(busy.add(-1));
        pool.release();
      }
    }

    waitMicros[ctx.id]!.set(Math.round(waited * 1000));
    peaks[ctx.id]!.set(peak);

    // The last client out counts the permits left: all should be back, no more.
    // (Python: `while sem.acquire(blocking=False): n += 1`.)
    if (finished.add(1) === clients) {
      let permits = 0;
      while (pool.acquire({ blocking: false })) permits++;
      permitsAtEnd.set(permits);
    }
  },

  result: ({ inUse, served, failed, permitsAtEnd, waitMicros, peaks }, params) => ({
    inUse: inUse.points(),
    waitMs: waitMicros.map((w) => Math.round(w.get() / 100) / 10),
    maxInUse: Math.max(...peaks.map((p) => p.get())),
    poolSize: params.poolSize,
    permitsAtEnd: permitsAtEnd.get(),
    served: served.get(),
    failed: failed.get(),
  }),
});
