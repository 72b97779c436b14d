/**
 * How long a CPU unit lasts on each worker of a run, for the unit's test
 * (app/runtime/work.test.ts, Node workers) and the cpu_unit_deviation_over_raw figure
 * (Chromium). Two workers as processes (no GIL): worker A times `cpu(small)`
 * then `cpu(large)` while B waits, then B does the same. Timed one at a time,
 * each with a core to itself, the four calls should last the same per unit,
 * and B's should sort the very numbers A's did (equal checksums).
 *
 * The clock is the process's CPU time where the host reports it (Node), which
 * other processes on a busy machine cannot stretch, and the wall clock in a
 * browser.
 */
import type { WorkerPool } from "../../app/engine/pool";
import type { RunOutcome } from "../../app/engine/run";

export const PROBE_UNITS = { small: 20, large: 100 } as const;

export const PROBE_SCENARIO = `import { defineScenario } from "interleave";

const cpuTime = typeof process === "object" && typeof process.cpuUsage === "function";

export default defineScenario({
  params: {},
  workers: 2,
  interpreter: () => ({ mode: "processes" }),
  setup: (shared) => ({
    turnB: shared.event("B's turn"),
    micros: ["A small", "A large", "B small", "B large"].map((name) => shared.int(name + " (µs)")),
    checksums: ["A small", "A large", "B small", "B large"].map((name) => shared.int(name + " checksum")),
  }),
  worker: ({ turnB, micros, checksums }, ctx) => {
    const clock = () => {
      if (!cpuTime) return ctx.now();
      const used = process.cpuUsage();
      return (used.user + used.system) / 1000;
    };
    if (ctx.id === 1) turnB.wait();
    for (const [i, units] of [[0, ${PROBE_UNITS.small}], [1, ${PROBE_UNITS.large}]]) {
      const started = clock();
      checksums[ctx.id * 2 + i].set(ctx.cpu(units));
      micros[ctx.id * 2 + i].set(Math.round((clock() - started) * 1000));
    }
    if (ctx.id === 0) turnB.set();
  },
  result: ({ micros, checksums }) => ({ micros: micros.map((m) => m.get()), checksums: checksums.map((c) => c.get()) }),
});
`;

/** Waits until the pool's two runners answer, as a page's have long before its first run: a booting worker competes for the cores. */
export async function boot(pool: WorkerPool, js: string): Promise<void> {
  const runners = pool.take(2);
  await Promise.all(runners.map((r) => r.runner.describe(js)));
  pool.give(runners);
}

export interface Probe {
  /** Milliseconds per unit of the four calls: A small, A large, B small, B large. */
  readonly msPerUnit: number[];
  readonly checksums: number[];
}

export function probeResult(outcome: RunOutcome): Probe {
  if (outcome.status !== "done") throw new Error(`the CPU unit probe ended ${outcome.status}: ${JSON.stringify(outcome)}`);
  const { micros, checksums } = outcome.result as { micros: number[]; checksums: number[] };
  return { msPerUnit: micros.map((us, i) => us / 1000 / (i % 2 === 0 ? PROBE_UNITS.small : PROBE_UNITS.large)), checksums };
}

/** The slowest over the fastest: 1 when every call lasted the same per unit. */
export function spread(values: readonly number[]): number {
  return Math.max(...values) / Math.min(...values);
}
