// Solution: with table = "initializer", each pool process builds the table
// once, before its first task (Python's initializer), and every task reuses it.
import { defineScenario, param } from "interleave";

// Count the primes below `range`, twice in one run. First worker A, the
// parent, does it alone: the sequential baseline. Then A hands the same work
// to a pool of `pool` processes (workers B and up) as tasks of `chunk`
// numbers each, through a task queue, and adds up what comes back on a
// result queue, as ProcessPoolExecutor.map does.
//
// A number is tested by dividing it by the primes in a table (every prime
// below 65,536, enough for any 32-bit number). Building that table is real
// work: `table` says when a pool process builds it.

const TABLE_LIMIT = 65_536;

/** A task: count the primes n with lo <= n < hi. `null` tells a pool process to exit. */
type Task = [lo: number, hi: number] | null;

export default defineScenario({
  params: {
    pool: param.int({ default: 2, min: 1, max: 15, label: "Pool size (processes)" }),
    chunk: param.int({ default: 100_000, min: 100, max: 5_000_000, label: "Chunk size (numbers per task)" }),
    range: param.int({ default: 5_000_000, min: 1_000, max: 20_000_000, label: "Count primes below" }),
    table: param.choice(["per-task", "initializer"], { default: "per-task", label: "Prime table built" }),
  },

  // The parent and its pool.
  workers: (params) => params.pool + 1,
  interpreter: () => ({ mode: "processes" }),

  setup: (shared, { pool }) => ({
    // ProcessPoolExecutor keeps at most max_workers + 1 tasks queued ahead.
    tasks: shared.queue<Task>("tasks", { maxsize: pool + 1 }),
    results: shared.queue<number>("results", { maxsize: pool + 1 }),
    tableBuilds: shared.int("tables built by the pool"),
    sequentialPrimes: shared.int("primes, sequential"),
    poolPrimes: shared.int("primes, pool"),
    tasksSent: shared.int("tasks"),
    sequentialMicros: shared.int("sequential time (µs)"),
    poolMicros: shared.int("pool time (µs)"),
    busyMicros: Array.from({ length: pool }, (_, i) => shared.int(`busy time of pool process ${i + 1} (µs)`)),
    tasksDone: Array.from({ length: pool }, (_, i) => shared.int(`tasks done by pool process ${i + 1}`)),
  }),

  worker: (s, ctx) => {
    const { pool, chunk, range } = ctx.params;
    const micros = (ms: number) => Math.round(ms * 1000);

    if (ctx.id === 0) {
      // The parent. 1: sequentially, with one table.
      let started = ctx.now();
      s.sequentialPrimes.set(countPrimes(0, range, primeTable()));
      s.sequentialMicros.set(micros(ctx.now() - started));

      // 2: on the pool. Keep the task queue topped up; when it is full, collect a result.
      started = ctx.now();
      const chunks = Math.ceil(range / chunk);
      let sent = 0;
      let primes = 0;
      for (let received = 0; received < chunks; ) {
        if (sent < chunks && !s.tasks.full()) {
          s.tasks.put([sent * chunk, Math.min(range, (sent + 1) * chunk)]);
          sent++;
        } else {
          primes += s.results.get();
          received++;
        }
      }
      s.poolMicros.set(micros(ctx.now() - started));
      s.poolPrimes.set(primes);
      s.tasksSent.set(chunks);
      for (let i = 0; i < pool; i++) s.tasks.put(null); // shutdown(): one sentinel per pool process
      return;
    }

    // A pool process. Pool(initializer=...) runs its initializer here, once, before the first task.
    const me = ctx.id - 1;
    let initialized: Int32Array | null = null;
    if (ctx.params.table === "initializer") {
      s.tableBuilds.add(1);
      initialized = primeTable(); // like a module-level global set by the initializer
    }
    for (;;) {
      const task = s.tasks.get();
      if (task === null) break;
      const started = ctx.now();
      let table = initialized;
      if (table === null) {
        s.tableBuilds.add(1);
        table = primeTable(); // built again for every task
      }
      const found = countPrimes(task[0], task[1], table);
      s.busyMicros[me]!.add(micros(ctx.now() - started));
      s.tasksDone[me]!.add(1);
      s.results.put(found);
    }
  },

  result: (s) => {
    const sequentialMs = s.sequentialMicros.get() / 1000;
    const poolMs = s.poolMicros.get() / 1000;
    const busyMs = s.busyMicros.map((busy) => busy.get() / 1000);
    const busyTotal = busyMs.reduce((sum, ms) => sum + ms, 0);
    return {
      sequentialPrimes: s.sequentialPrimes.get(),
      primes: s.poolPrimes.get(),
      sequentialMs,
      poolMs,
      speedup: poolMs > 0 ? round(sequentialMs / poolMs) : 0,
      tasks: s.tasksSent.get(),
      tableBuilds: s.tableBuilds.get(),
      busyMs,
      // Of the pool's time (processes × pool phase), the share not spent counting: waiting for tasks, passing messages.
      idlePercent: poolMs > 0 ? Math.max(0, Math.round(100 - (100 * busyTotal) / (busyMs.length * poolMs))) : 0,
      tasksPerProcess: s.tasksDone.map((done) => done.get()),
      // Python's os.cpu_count(); 0 where the host does not say (Node 20).
      cores: globalThis.navigator?.hardwareConcurrency ?? 0,
    };
  },
});

/** Every prime below TABLE_LIMIT, by the sieve of Eratosthenes. */
function primeTable(): Int32Array {
  const composite = new Uint8Array(TABLE_LIMIT);
  const primes: number[] = [];
  for (let i = 2; i < TABLE_LIMIT; i++) {
    if (composite[i]) continue;
    primes.push(i);
    for (let j = i * i; j < TABLE_LIMIT; j += i) composite[j] = 1;
  }
  return Int32Array.from(primes);
}

/** How many n with lo <= n < hi are prime: trial division by the table's primes up to √n. */
function countPrimes(lo: number, hi: number, table: Int32Array): number {
  let count = 0;
  for (let n = Math.max(lo, 2); n < hi; n++) {
    let prime = true;
    for (let i = 0; i < table.length; i++) {
      const p = table[i]!;
      if (p * p > n) break;
      if (n % p === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
