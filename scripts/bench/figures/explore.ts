/**
 * Explore and step mode on real browser workers, as the app drives them
 * (the controller worker, the epoch search, the runner pool):
 *
 * - explore_schedules_per_s: the 2 x 3 unlocked counter (lesson 3's race)
 *   searched exhaustively with up to 2 preemptions, no promise to break, so
 *   every schedule runs; whole searches, run start included. Target 2,000.
 * - explore_3x2_ms: the time of the exhaustive search, up to 2 preemptions,
 *   of 3 workers x 2 locked increments (thousands of schedules). No target.
 * - step_ms: one step of step mode, from the call to the page's new state
 *   (the controller worker's step, the shared values read back). Target 50.
 * - explore_3w_vs_2w: schedules per second of three workers x 2 locked
 *   increments against two workers x 3 (the same 18 operations a schedule),
 *   measured side by side. Target 0.8: a third worker must not make each
 *   schedule dearer.
 * - explore_budget_overrun_ms: how far past its 2 s budget a search of a
 *   program too large to finish ends, from the call (start-up included, so
 *   an upper bound). Target 1,000.
 */
import { compileScenario } from "../../../app/engine/compile";
import { WorkerPool } from "../../../app/engine/pool";
import { spawnBrowserRunner } from "../../../app/engine/browser-runner";
import { browserDriver, controllerWorker } from "../../../app/engine/explore/browser-driver";
import { explore, type ExploreResult } from "../../../app/engine/explore/explore";
import { Stepper } from "../../../app/engine/explore/stepper";
import { interleaved, median, ratios, type Figure, type Measured } from "../harness";

const counter = (workers: number, body: string) => `import { defineScenario, param } from "interleave";
export default defineScenario({
  params: { n: param.int({ default: 3, min: 1, max: 100 }) },
  workers: ${workers},
  setup: (shared) => ({ c: shared.int("counter"), lock: shared.lock("lock") }),
  worker: ({ c, lock }, { params }) => { for (let i = 0; i < params.n; i++) { ${body} } },
  result: ({ c }) => c.get(),
});`;

const RACE = counter(2, "c.set(c.get() + 1);");
const LOCKED = "lock.acquire(); c.set(c.get() + 1); lock.release();";
const LOCKED_2 = counter(2, LOCKED);
const LOCKED_3 = counter(3, LOCKED);
/** Searches per sample of the small race, so that each sample lasts long enough to time. */
const SEARCHES = 10;

function compiled(source: string): string {
  const result = compileScenario(source);
  if (!result.ok) throw new Error(`bench scenario does not compile: ${result.error.message}`);
  return result.js;
}

async function search(pool: WorkerPool, js: string, n: number): Promise<ExploreResult> {
  const result = await explore(pool, { js, params: { n }, random: false, maxPreemptions: 2, driver: browserDriver });
  if (!result.exhaustive || result.failure) throw new Error(`the search should cover every schedule and find nothing: ${JSON.stringify(result).slice(0, 300)}`);
  return result;
}

/**
 * Measures `sample` (given a warm pool of `workers` runners) once per
 * repetition; its median is the figure, and `schedules` (the schedules of
 * the last sample) is reported beside it.
 */
async function sampled(
  workers: number,
  repetitions: number,
  log: (line: string) => void,
  sample: (pool: WorkerPool) => Promise<{ value: number; schedules: number }>,
): Promise<Measured> {
  const pool = new WorkerPool(spawnBrowserRunner, workers);
  let schedules = 0;
  try {
    const s = await interleaved(
      repetitions,
      {
        sample: async () => {
          const measured = await sample(pool);
          schedules = measured.schedules;
          return measured.value;
        },
      },
      log,
    );
    return { value: median(s.sample), samples: s.sample, parts: [{ name: "schedules per sample", value: schedules, unit: "schedules" }] };
  } finally {
    pool.close();
  }
}

export const exploreSchedulesPerSecond: Figure = {
  name: "explore_schedules_per_s",
  unit: "schedules/s",
  target: 2000,
  measure(repetitions, log) {
    const js = compiled(RACE);
    return sampled(2, repetitions, log, async (pool) => {
      const began = performance.now();
      let schedules = 0;
      for (let k = 0; k < SEARCHES; k++) schedules += (await search(pool, js, 3)).schedules;
      return { value: schedules / ((performance.now() - began) / 1000), schedules };
    });
  },
};

export const explore3x2: Figure = {
  name: "explore_3x2_ms",
  unit: "ms",
  better: "lower",
  measure(repetitions, log) {
    const js = compiled(LOCKED_3);
    return sampled(3, repetitions, log, async (pool) => {
      const began = performance.now();
      const { schedules } = await search(pool, js, 2);
      return { value: performance.now() - began, schedules };
    });
  },
};

export const stepLatency: Figure = {
  name: "step_ms",
  unit: "ms",
  target: 50,
  better: "lower",
  async measure(repetitions, log) {
    const pool = new WorkerPool(spawnBrowserRunner, 2);
    const stepper = new Stepper(pool, controllerWorker());
    try {
      const s = await interleaved(
        repetitions,
        {
          step: async () => {
            await stepper.start({ source: RACE, params: { n: 3 }, goals: [] });
            const times: number[] = [];
            for (;;) {
              const snapshot = stepper.getSnapshot();
              if (snapshot.status !== "stepping" || snapshot.options.length === 0) break;
              const began = performance.now();
              await stepper.step(snapshot.options[0]!);
              times.push(performance.now() - began);
            }
            if (times.length === 0) throw new Error(`step mode did not start: ${JSON.stringify(stepper.getSnapshot()).slice(0, 300)}`);
            return median(times);
          },
        },
        log,
      );
      return { value: median(s.step), samples: s.step, parts: [] };
    } finally {
      stepper.close();
      pool.close();
    }
  },
};

/** Schedules per second of one search of `js`, capped, on a warm pool. */
async function schedulesPerSecond(pool: WorkerPool, js: string, n: number): Promise<number> {
  const began = performance.now();
  const result = await explore(pool, { js, params: { n }, random: false, cap: 2_000, driver: browserDriver });
  if (result.failure) throw new Error(`the locked counter should not fail: ${result.failure.message}`);
  return result.schedules / ((performance.now() - began) / 1000);
}

export const explore3wVs2w: Figure = {
  name: "explore_3w_vs_2w",
  unit: "x",
  target: 0.8,
  async measure(repetitions, log) {
    const two = compiled(LOCKED_2);
    const three = compiled(LOCKED_3);
    const pool = new WorkerPool(spawnBrowserRunner, 3);
    try {
      const s = await interleaved(repetitions, { two: () => schedulesPerSecond(pool, two, 3), three: () => schedulesPerSecond(pool, three, 2) }, log);
      const parts = [
        { name: "two workers", value: median(s.two), unit: "schedules/s" },
        { name: "three workers", value: median(s.three), unit: "schedules/s" },
      ];
      const r = ratios(s.three, s.two);
      return { value: median(r), samples: r, parts };
    } finally {
      pool.close();
    }
  },
};

const OVERRUN_BUDGET_MS = 2_000;

export const exploreBudgetOverrun: Figure = {
  name: "explore_budget_overrun_ms",
  unit: "ms",
  target: 1000,
  better: "lower",
  measure(repetitions, log) {
    const js = compiled(LOCKED_3);
    return sampled(3, repetitions, log, async (pool) => {
      const began = performance.now();
      const result = await explore(pool, { js, params: { n: 20 }, budgetMs: OVERRUN_BUDGET_MS, cap: 1_000_000, driver: browserDriver });
      return { value: Math.max(0, performance.now() - began - OVERRUN_BUDGET_MS), schedules: result.schedules };
    });
  },
};
