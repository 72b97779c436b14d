/**
 * asyncio mode on real browser workers, through the engine as the app runs
 * it (issue 10's figures):
 *
 * - asyncio_sleep0_per_s: `await loop.sleep(0)` round trips a second, one
 *   task alone on the loop: each is a loop turn (the task resumed, then
 *   suspended again). Target 200,000 (a turn of at most 5 µs).
 * - asyncio_explore_schedules_per_s: Explore over the tasks of a 3-task
 *   counter updated between awaits (every order of the replies, none fails),
 *   whole searches, start included. Target 2,000.
 * - asyncio_timer_late_ms: on the real clock, how late a 10 ms sleep wakes
 *   on an idle loop (median over 50). Target 1.
 * - asyncio_lag_error: on the real clock, a ticker's worst lag while CPU
 *   work (100 units) runs on the loop, against how long that work took:
 *   |lag / cpu - 1|, what the lag chart shows of CPU work. Target 0.1.
 */
import { compileScenario } from "../../../app/engine/compile";
import { WorkerPool } from "../../../app/engine/pool";
import { spawnBrowserRunner } from "../../../app/engine/browser-runner";
import { explore } from "../../../app/engine/explore/explore";
import { interleaved, median, type Figure, type Measured } from "../harness";
import { ScenarioRuns } from "../scenario-runs";

const scenario = (clock: string, main: string, result = "(state) => state") => `import { defineAsyncScenario, param } from "interleave";
export default defineAsyncScenario({
  params: { n: param.int({ default: 3, min: 1, max: 1000000 }) },
  clock: () => "${clock}",
  setup: () => ({ counter: 0, late: [], lag: 0 }),
  main: ${main},
  result: ${result},
});`;

/** The median over repetitions of `sample`, each taken on warm runs of `source` with one runner. */
async function medianOverRuns(source: string, repetitions: number, log: (line: string) => void, sample: (runs: ScenarioRuns) => Promise<number>): Promise<Measured> {
  const runs = new ScenarioRuns(source, 1);
  try {
    const s = await interleaved(repetitions, { sample: () => sample(runs) }, log);
    return { value: median(s.sample), samples: s.sample, parts: [] };
  } finally {
    runs.close();
  }
}

const SLEEP0 = scenario("virtual", "async (state, loop, params) => { for (let i = 0; i < params.n; i++) await loop.sleep(0); state.counter = params.n; }", "(state) => state.counter");
const ROUND_TRIPS = 200_000;

export const asyncioSleep0: Figure = {
  name: "asyncio_sleep0_per_s",
  unit: "round trips/s",
  target: 200_000,
  measure(repetitions, log) {
    return medianOverRuns(SLEEP0, repetitions, log, async (runs) => {
      const { outcome } = await runs.run({ n: ROUND_TRIPS });
      if (outcome.result !== ROUND_TRIPS) throw new Error(`the loop made ${String(outcome.result)} round trips of ${ROUND_TRIPS}`);
      return ROUND_TRIPS / (outcome.bodyMs / 1000);
    });
  },
};

const BETWEEN_AWAITS = scenario(
  "virtual",
  `async (state, loop, params) => {
    const add = async () => { await loop.io(0.01); state.counter += 1; };
    await loop.gather(Array.from({ length: params.n }, () => add));
  }`,
);
const SEARCHES = 10;

export const asyncioExploreSchedulesPerSecond: Figure = {
  name: "asyncio_explore_schedules_per_s",
  unit: "schedules/s",
  target: 2000,
  async measure(repetitions, log) {
    const compiled = compileScenario(BETWEEN_AWAITS);
    if (!compiled.ok) throw new Error(compiled.error.message);
    const pool = new WorkerPool(spawnBrowserRunner, 2);
    const promise = { id: "all", text: "every update counted", check: "result.counter === params.n" };
    let schedules = 0;
    try {
      const s = await interleaved(
        repetitions,
        {
          explore: async () => {
            const began = performance.now();
            schedules = 0;
            for (let k = 0; k < SEARCHES; k++) {
              const result = await explore(pool, { js: compiled.js, params: { n: 3 }, promises: [promise], random: false });
              if (!result.complete || result.failure) throw new Error(`the search should prove the counter: ${JSON.stringify(result).slice(0, 300)}`);
              schedules += result.schedules;
            }
            return schedules / ((performance.now() - began) / 1000);
          },
        },
        log,
      );
      return { value: median(s.explore), samples: s.explore, parts: [{ name: "schedules per sample", value: schedules, unit: "schedules" }] };
    } finally {
      pool.close();
    }
  },
};

const TIMERS = scenario(
  "real",
  `async (state, loop, params) => {
    for (let i = 0; i < params.n; i++) {
      const due = loop.time() + 0.01;
      await loop.sleep(0.01);
      state.late.push((loop.time() - due) * 1000);
    }
  }`,
  "(state) => state.late",
);

export const asyncioTimerLate: Figure = {
  name: "asyncio_timer_late_ms",
  unit: "ms",
  target: 1,
  better: "lower",
  measure(repetitions, log) {
    return medianOverRuns(TIMERS, repetitions, log, async (runs) => median((await runs.run({ n: 50 })).outcome.result as number[]));
  },
};

const CPU_UNITS = 100;
const LAG = scenario(
  "real",
  `async (state, loop) => {
    let ticking = true;
    const ticker = loop.createTask(async () => {
      while (ticking) {
        const due = loop.time() + 0.002;
        await loop.sleep(0.002);
        state.lag = Math.max(state.lag, (loop.time() - due) * 1000);
      }
    });
    await loop.sleep(0.02);
    const began = loop.time();
    loop.cpu(${CPU_UNITS});
    state.cpuMs = (loop.time() - began) * 1000;
    await loop.sleep(0.02);
    ticking = false;
    await ticker;
  }`,
  "(state) => ({ lag: state.lag, cpuMs: state.cpuMs })",
);

export const asyncioLagError: Figure = {
  name: "asyncio_lag_error",
  unit: "x",
  target: 0.1,
  better: "lower",
  measure(repetitions, log) {
    return medianOverRuns(LAG, repetitions, log, async (runs) => {
      const { lag, cpuMs } = (await runs.run({ n: 1 })).outcome.result as { lag: number; cpuMs: number };
      return Math.abs(lag / cpuMs - 1);
    });
  },
};
