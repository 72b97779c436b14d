/**
 * The raw side of the speedup figures: the CPU kernel (cpu-kernel.ts) over a
 * fixed number of integers, split between raw module workers (cpu.worker.ts)
 * with no engine in between. Its speedup is what the hardware gives parallel
 * work here, the yardstick for the engine's.
 */
import { Team } from "./harness";
import type { Side } from "./speedup";

// Sized for roughly 200 ms of one core per 1-worker run (about 7 ns an iteration).
export const KERNEL_ITERATIONS = 30_000_000;

/** Fails when a run's checksum differs from the first one seen: the runs did not all do the same work. */
export type ChecksumCheck = (what: string, sum: number) => void;

export function agreeingChecksums(): ChecksumCheck {
  let expected: number | undefined;
  return (what, sum) => {
    expected ??= sum;
    if (sum !== expected) throw new Error(`${what}: checksum ${sum}, expected ${expected}`);
  };
}

export function rawKernelTeam(): Team {
  return new Team(() => new Worker(new URL("./cpu.worker.ts", import.meta.url), { type: "module" }), 2);
}

export function rawKernelSide(team: Team, check: ChecksumCheck): Side {
  return async (workers) => {
    const run = await team.run("cpu", workers, KERNEL_ITERATIONS);
    check(`raw, ${workers} workers`, run.checks.reduce((a, b) => (a + b) | 0, 0));
    return run.ms;
  };
}
