/**
 * The bench page: runs the figures one after another (never overlapping, as
 * each one wants both cores) and hands plain-data results to the Node driver.
 * A figure that fails is reported with its error; the others still run.
 */
import type { Figure, FigureResult } from "./harness";
import { mutexVsFutex } from "./figures/mutex";
import { sharedIntAddVsAtomicsAdd } from "./figures/shared-int";
import { barrierVsAtomics, conditionVsFutex, eventVsAtomics, queueVsAtomics, rlockVsFutex, semaphoreVsAtomics } from "./figures/primitives";
import { freeRunOverhead } from "./figures/free-run-overhead";
import { engineSpeedupVsRaw } from "./figures/engine-speedup";
import { processesSpeedupVsRaw } from "./figures/processes-speedup";
import { gilSpeedup } from "./figures/gil-speedup";
import { cpuUnitDeviation } from "./figures/cpu-unit-deviation";
import { timelineFrame } from "./figures/timeline-frame";
import { asyncioExploreSchedulesPerSecond, asyncioLagError, asyncioSleep0, asyncioTimerLate } from "./figures/asyncio";
import { explore3wVs2w, explore3x2, exploreBudgetOverrun, exploreSchedulesPerSecond, stepLatency } from "./figures/explore";

const FIGURES: readonly Figure[] = [
  mutexVsFutex,
  sharedIntAddVsAtomicsAdd,
  rlockVsFutex,
  semaphoreVsAtomics,
  eventVsAtomics,
  conditionVsFutex,
  barrierVsAtomics,
  queueVsAtomics,
  freeRunOverhead,
  engineSpeedupVsRaw,
  processesSpeedupVsRaw,
  gilSpeedup,
  cpuUnitDeviation,
  timelineFrame,
  exploreSchedulesPerSecond,
  explore3x2,
  explore3wVs2w,
  exploreBudgetOverrun,
  stepLatency,
  asyncioSleep0,
  asyncioExploreSchedulesPerSecond,
  asyncioTimerLate,
  asyncioLagError,
];

export interface BenchOptions {
  readonly repetitions: number;
  /** Figure names to run; all when absent. */
  readonly only?: readonly string[];
}

export interface BenchResult {
  readonly figures: readonly FigureResult[];
  readonly environment: Readonly<Record<string, unknown>>;
}

declare global {
  interface Window {
    runBench(options: BenchOptions): Promise<BenchResult>;
  }
}

window.runBench = async ({ repetitions, only }) => {
  if (!crossOriginIsolated) throw new Error("The bench page is not cross-origin isolated: SharedArrayBuffer is unavailable.");
  const unknown = only?.filter((name) => !FIGURES.some((f) => f.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`no figure named ${unknown.join(", ")}; there are ${FIGURES.map((f) => f.name).join(", ")}`);
  const figures: FigureResult[] = [];
  for (const figure of FIGURES.filter((f) => only === undefined || only.includes(f.name))) {
    const { name, unit, target, better } = figure;
    const log = (line: string): void => console.info(`bench: ${name}: ${line}`);
    try {
      const measured = await figure.measure(repetitions, log);
      figures.push({ name, unit, target, better, repetitions, ...measured });
    } catch (thrown) {
      figures.push({ name, unit, target, better, error: thrown instanceof Error ? thrown.message : String(thrown) });
    }
  }
  return {
    figures,
    environment: {
      userAgent: navigator.userAgent,
      hardwareConcurrency: navigator.hardwareConcurrency,
      crossOriginIsolated,
    },
  };
};
