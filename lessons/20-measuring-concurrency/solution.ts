import { defineAsyncScenario, param, type Job } from "interleave";

// A benchmark of a pool. A batch of `jobs` jobs runs on a pool of p workers
// (at most p jobs at once, the rest wait their turn), for every pool size p
// from 1 to `maxPool`, `repeats` times each. Every batch's time is one sample;
// the samples of a pool size are summarized (mean, median, stdev, p95), and
// its throughput is jobs per second at the median. A profiler times each job.
//
// A job is `cpuMs` of computing, after `waitMs` of waiting for I/O when the
// workload is io. On the real clock the jobs run on a process pool of real
// workers, on this machine's cores. On the virtual clock they run on a
// simulated machine of `cores` cores: a job holds one core while it computes,
// and none while it waits. There every figure is exact and the same every run.
//
// Solution: the profiler is a decorator around the job's work, inside its
// pool slot, so each job times itself, from the moment it has a worker to
// the moment it ends; main gathers the tasks instead of timing its awaits.
// The prediction keeps one worker per core for jobs that compute, and gives
// each core 1 + waitMs / cpuMs workers for jobs that wait.

type Workload = "cpu" | "io";
type Machine = { cores: number; cpuMs: number; waitMs: number; workload: Workload };

// One job on a real pool worker: plain data in, plain data out.
const work: Job = (spec, ctx) => {
  const [cpuMs, waitMs] = spec as [number, number];
  if (waitMs > 0) ctx.io(waitMs); // a blocking wait: the worker holds no core meanwhile
  ctx.cpu(cpuMs); // about 1 ms of computing a unit
  return cpuMs;
};

/** Python's os.cpu_count(), as the browser says it; where the host does not say (Node 20), 2. */
const machineCores = () => globalThis.navigator?.hardwareConcurrency || 2;

// ---- Statistics, as Python's statistics module computes them --------------

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]) => sum(xs) / xs.length;

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** statistics.stdev: the sample standard deviation (n − 1); 0 for a single sample. */
function stdev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1));
}

/** statistics.quantiles(xs, n=20, method="inclusive")[-1]: between the two samples around 95%, never beyond the largest. */
function p95(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 1) return sorted[0]!;
  const position = 0.95 * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function summarize(samples: readonly number[]) {
  return {
    mean: round2(mean(samples)),
    median: round2(median(samples)),
    stdev: round2(stdev(samples)),
    p95: round2(p95(samples)),
    min: round2(Math.min(...samples)),
    max: round2(Math.max(...samples)),
  };
}

// ---- Pool sizing: the rules of thumb, and what the machine can do at best ---

/**
 * The rule of thumb for the pool size: one worker per core keeps every core
 * busy when jobs only compute. A job that waits holds no core meanwhile, so
 * while one computes for cpuMs, waitMs / cpuMs others can wait: each core
 * keeps 1 + waitMs / cpuMs workers busy (Goetz's cores · (1 + W/C)).
 */
function predictOptimum(machine: Machine): number {
  if (machine.workload === "cpu") return machine.cores;
  return Math.round(machine.cores * (1 + machine.waitMs / machine.cpuMs));
}

/** Jobs per second the machine could do at best with p workers: limited by the workers, or by the cores. */
function ideal(machine: Machine, p: number): number {
  const jobMs = machine.cpuMs + (machine.workload === "io" ? machine.waitMs : 0);
  return round2(Math.min((p * 1000) / jobMs, (machine.cores * 1000) / machine.cpuMs));
}

/** The smallest pool that gets within 5% of the best throughput measured: a larger one only costs memory and switching. */
function measuredOptimum(throughput: readonly number[]): number {
  const best = Math.max(...throughput);
  return throughput.findIndex((t) => t >= 0.95 * best) + 1;
}

export default defineAsyncScenario({
  params: {
    workload: param.choice(["cpu", "io"], { default: "cpu", label: "Workload" }),
    clock: param.choice(["real", "virtual"], { default: "real", label: "Clock (real workers, or a simulated machine)" }),
    cores: param.int({ default: 0, min: 0, max: 16, label: "Cores (0: this machine's)" }),
    maxPool: param.int({ default: 8, min: 1, max: 12, label: "Pool sizes tried, 1 to" }),
    repeats: param.int({ default: 5, min: 1, max: 20, label: "Repeats per pool size" }),
    jobs: param.int({ default: 12, min: 1, max: 48, label: "Jobs per batch" }),
    cpuMs: param.int({ default: 5, min: 1, max: 50, label: "Computing per job (ms)" }),
    waitMs: param.int({ default: 15, min: 0, max: 200, label: "I/O wait per job (ms, io workload)" }),
  },

  // Real: a process pool as large as the largest pool tried; a semaphore lets p of its workers run at once.
  executor: (params) => (params.clock === "real" ? { kind: "processes", workers: params.maxPool } : null),
  clock: (params) => params.clock,
  jobs: { work },

  setup: () => ({
    batchMs: [] as number[][], // per pool size, one sample per repeat
    queuedMs: [] as number[][], // per pool size, how long each job waited for a worker
    profile: [] as { job: string; ms: number }[], // what the profiler recorded
    cores: 0,
  }),

  main: async (state, loop, params) => {
    const cores = params.cores || machineCores();
    state.cores = cores;
    const simulatedCores = loop.semaphore("cores", cores);
    const ms = (seconds: number) => seconds * 1000;

    // One job: the I/O wait (io workload), then the computing.
    const runJob = async () => {
      const waitMs = params.workload === "io" ? params.waitMs : 0;
      if (params.clock === "real") {
        await loop.runInExecutor(work, [params.cpuMs, waitMs]);
        return;
      }
      if (waitMs > 0) await loop.io(waitMs / 1000);
      await simulatedCores.acquire(); // the run queue: wait for a free core
      try {
        await loop.sleep(params.cpuMs / 1000);
      } finally {
        simulatedCores.release();
      }
    };

    // The profiler, as a decorator: the job times itself, from the moment it
    // starts working (it has its worker) to the moment it ends, however it ends.
    // Timing an await in main instead would time whatever the job waited for
    // before it, in the pool's queue and behind the jobs awaited earlier.
    const profiled = (name: string, job: () => Promise<void>) => async () => {
      const started = loop.time();
      try {
        await job();
      } finally {
        state.profile.push({ job: name, ms: ms(loop.time() - started) });
      }
    };

    // One batch on a pool of `size` workers; returns its time in ms.
    const batch = async (size: number, repeat: number) => {
      const pool = loop.semaphore(`pool of ${size}`, size);
      // A job waits its turn for a worker (`async with pool:`), and its time in that queue is noted.
      const inPool = (job: () => Promise<void>) => async () => {
        const submitted = loop.time();
        await pool.acquire();
        state.queuedMs[size - 1]!.push(ms(loop.time() - submitted));
        try {
          await job();
        } finally {
          pool.release();
        }
      };
      const names = Array.from({ length: params.jobs }, (_, i) => `p${size} r${repeat} job ${i + 1}`);
      const started = loop.time();
      const tasks = names.map((name) => loop.createTask(inPool(profiled(name, runJob)), name));
      await loop.gather(tasks);
      return ms(loop.time() - started);
    };

    for (let size = 1; size <= params.maxPool; size++) {
      state.batchMs.push([]);
      state.queuedMs.push([]);
      for (let repeat = 1; repeat <= params.repeats; repeat++) state.batchMs[size - 1]!.push(await batch(size, repeat));
    }
  },

  result: (state, params) => {
    const machine: Machine = { cores: state.cores, cpuMs: params.cpuMs, waitMs: params.waitMs, workload: params.workload as Workload };
    const stats = state.batchMs.map(summarize);
    const throughput = stats.map((s) => round2((params.jobs * 1000) / s.median));
    const predicted = predictOptimum(machine);
    const profiledJobs = new Set(state.profile.map((entry) => entry.job));
    const jobsRun = params.maxPool * params.repeats * params.jobs;
    const byPool = (p: number) => state.profile.filter((entry) => entry.job.startsWith(`p${p} `)).map((entry) => entry.ms);
    return {
      cores: state.cores,
      samples: sum(state.batchMs.map((samples) => samples.length)),
      // Per pool size (1, 2, ...): the batch time's summary, in ms.
      meanMs: stats.map((s) => s.mean),
      medianMs: stats.map((s) => s.median),
      stdevMs: stats.map((s) => s.stdev),
      p95Ms: stats.map((s) => s.p95),
      minMs: stats.map((s) => s.min),
      maxMs: stats.map((s) => s.max),
      throughput,
      ideal: Array.from({ length: params.maxPool }, (_, i) => ideal(machine, i + 1)),
      // One bar at the predicted pool size, as high as the best throughput measured.
      atPrediction: throughput.map((_, i) => (i + 1 === predicted ? Math.max(...throughput) : null)),
      measuredOptimum: measuredOptimum(throughput),
      predictedOptimum: predicted,
      // The profiler: per pool size, the mean time it recorded for a job, beside the mean time a job waited for a worker.
      jobMs: Array.from({ length: params.maxPool }, (_, i) => round2(mean(byPool(i + 1)))),
      queuedMs: state.queuedMs.map((queued) => round2(mean(queued))),
      profiled: state.profile.length,
      jobsRun,
      workMs: params.cpuMs + (params.workload === "io" ? params.waitMs : 0), // one job's own work, with nothing in its way
      profiledOnce: state.profile.length === jobsRun && profiledJobs.size === jobsRun,
      timedAtZero: state.profile.filter((entry) => entry.ms <= 0).length,
    };
  },
});
