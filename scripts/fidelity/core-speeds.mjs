/**
 * How long each core takes, right now, for the same pure-Python loop. On a
 * shared host a core's speed follows what else runs on the physical core
 * beneath it: here one core was at times 1.7 times slower than the other,
 * and the other way round a minute later. Then a sequential phase that ran
 * on the slow core, beside a parallel one that used both, gives a speedup
 * above the core count (CPython's processes gave 2.8 on 2 cores), and one
 * that ran on the fast core a speedup far below it. Linux (taskset); null
 * elsewhere.
 */
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";

// The best of three runs of about 10 ms, so that one preemption does not count.
const PROBE = `import time
def run():
    start = time.perf_counter()
    total = 0
    for i in range(200_000):
        total = (total + i * i) % 1_000_003
    return (time.perf_counter() - start) * 1000
print(min(run() for _ in range(3)))`;

/** Milliseconds per core, or null when a core cannot be chosen. */
export function coreTimes() {
  try {
    return cpus().map((_, core) => Number(execFileSync("taskset", ["-c", String(core), "python3", "-B", "-c", PROBE], { encoding: "utf8" })));
  } catch {
    return null;
  }
}

/** The slowest core's time over the fastest's: 1 when the cores run alike. */
export function imbalance(times) {
  return Math.max(...times) / Math.min(...times);
}
