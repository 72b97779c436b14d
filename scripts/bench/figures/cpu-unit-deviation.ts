/**
 * cpu_unit_deviation: how far the length of a CPU unit strays over a fresh
 * pool's first two runs, between workers and between small and large calls
 * (the probe in cpu-unit-probe.ts, timed by the wall clock). Each repetition
 * starts two new runner workers, as a page does, so that first runs and cold
 * workers are measured every time; its sample is the call furthest from the
 * median call, per unit, as a fraction of it (0.1: 10% longer or shorter).
 * Lower is better; the target is ±10%. Lessons 1 and 2 divide one phase's
 * time by another's: a unit that lasts longer in one phase is an error in
 * their speedups. The parts are each call's median over the repetitions.
 */
import { WorkerPool } from "../../../app/engine/pool";
import { spawnBrowserRunner } from "../../../app/engine/browser-runner";
import { compileScenario } from "../../../app/engine/compile";
import { startRun } from "../../../app/engine/run";
import { median, type Figure } from "../harness";
import { PROBE_SCENARIO, PROBE_UNITS, boot, probeResult } from "../cpu-unit-probe";

const RUNS = 2;
const CALLS = [`A cpu(${PROBE_UNITS.small})`, `A cpu(${PROBE_UNITS.large})`, `B cpu(${PROBE_UNITS.small})`, `B cpu(${PROBE_UNITS.large})`];

/** The largest relative distance of a value from their median. */
function deviation(values: readonly number[]): number {
  const middle = median(values);
  return Math.max(...values.map((v) => Math.abs(v / middle - 1)));
}

async function freshPoolRuns(js: string): Promise<number[][]> {
  const pool = new WorkerPool(spawnBrowserRunner, 2);
  try {
    await boot(pool, js);
    const runs: number[][] = [];
    for (let run = 0; run < RUNS; run++) runs.push(probeResult(await startRun(pool, { js, params: {}, goals: [] }).outcome).msPerUnit);
    return runs;
  } finally {
    pool.close();
  }
}

export const cpuUnitDeviation: Figure = {
  name: "cpu_unit_deviation",
  unit: "fraction",
  target: 0.1,
  better: "lower",
  async measure(repetitions, log) {
    const compiled = compileScenario(PROBE_SCENARIO);
    if (!compiled.ok) throw new Error(`the probe does not compile: ${compiled.error.message}`);
    const samples: number[] = [];
    const perCall: number[][] = [];
    for (let rep = 0; rep < repetitions; rep++) {
      const runs = await freshPoolRuns(compiled.js);
      const calls = runs.flat();
      samples.push(deviation(calls));
      calls.forEach((ms, i) => (perCall[i] ??= []).push(ms));
      log(`repetition ${rep + 1}/${repetitions}: ms per unit ${calls.map((ms) => ms.toFixed(3)).join(" ")}`);
    }
    return {
      value: median(samples),
      samples,
      parts: perCall.map((values, i) => ({ name: `run ${Math.floor(i / CALLS.length) + 1}, ${CALLS[i % CALLS.length]}`, value: median(values), unit: "ms per unit" })),
    };
  },
};
