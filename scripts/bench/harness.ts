/**
 * Page-side plumbing shared by the figures: a team of bench workers started
 * together, repetitions interleaved across the compared variants, medians,
 * and the result shape the Node driver prints.
 */
import { createRunMemory } from "../../app/runtime/memory";
import type { Job, Report } from "./worker-kit";

export interface Part {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export interface Measured {
  readonly value: number;
  /** One value per repetition (warm-up excluded), in the figure's unit. */
  readonly samples: readonly number[];
  /** Medians of the quantities the figure is a ratio of, for the reader. */
  readonly parts: readonly Part[];
}

export interface Figure {
  readonly name: string;
  readonly unit: string;
  /** Pass when value >= target, or <= target when lower is better. */
  readonly target?: number;
  /** Higher unless said: throughputs and ratios are better higher, times lower. */
  readonly better?: "higher" | "lower";
  measure(repetitions: number, log: (line: string) => void): Promise<Measured>;
}

type FigureLabel = Pick<Figure, "name" | "unit" | "target" | "better">;

export type FigureResult = (FigureLabel & { readonly repetitions: number } & Measured) | (FigureLabel & { readonly error: string });

export interface TeamRun {
  /** From the first worker's start to the last one's finish. */
  readonly ms: number;
  readonly checks: readonly number[];
}

/** Workers kept alive across repetitions, so only the first (warm-up) repetition pays for start-up and JIT. */
export class Team {
  private readonly workers: Worker[];

  constructor(spawn: () => Worker, size: number) {
    this.workers = Array.from({ length: size }, spawn);
  }

  /** Runs `kind` on the first `count` workers over fresh shared memory. */
  async run(kind: string, count: number, iterations: number): Promise<TeamRun> {
    const buffer = createRunMemory();
    const reports = await Promise.all(
      this.workers.slice(0, count).map((worker, workerId) => ask(worker, { kind, buffer, workerId, workers: count, iterations })),
    );
    const ms = Math.max(...reports.map((r) => r.finishedAt)) - Math.min(...reports.map((r) => r.startedAt));
    return { ms, checks: reports.map((r) => r.check) };
  }

  terminate(): void {
    for (const worker of this.workers) worker.terminate();
  }
}

/** A bench job that takes longer than this is hung (a lost wake-up, say): its figure fails instead of the whole bench. */
const JOB_LIMIT_MS = 60_000;

function ask(worker: Worker, job: Job): Promise<Report & { ok: true }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      done();
      reject(new Error(`bench worker: job "${job.kind}" did not finish within ${JOB_LIMIT_MS / 1000} s`));
    }, JOB_LIMIT_MS);
    const done = (): void => {
      clearTimeout(timer);
      worker.removeEventListener("message", onMessage);
      worker.removeEventListener("error", onError);
    };
    const onMessage = (event: MessageEvent<Report>): void => {
      done();
      const report = event.data;
      if (report.ok) resolve(report);
      else reject(new Error(`bench worker: ${report.error}`));
    };
    const onError = (event: ErrorEvent): void => {
      done();
      reject(new Error(`bench worker crashed: ${event.message || "failed to load"}`));
    };
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", onError);
    worker.postMessage(job);
  });
}

/**
 * Runs every step once per repetition, after one unrecorded warm-up round.
 * The order flips on every repetition, so drift in machine load and any
 * advantage of going first or last fall on all steps alike.
 */
export async function interleaved<K extends string>(
  repetitions: number,
  steps: Readonly<Record<K, () => Promise<number>>>,
  log: (line: string) => void,
): Promise<Record<K, number[]>> {
  const names = Object.keys(steps) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let rep = -1; rep < repetitions; rep++) {
    const order = rep % 2 === 0 ? names : [...names].reverse();
    const seen: string[] = [];
    for (const name of order) {
      const value = await steps[name]();
      if (rep >= 0) samples[name].push(value);
      seen.push(`${name} ${value.toFixed(2)}`);
    }
    log(`${rep < 0 ? "warm-up" : `repetition ${rep + 1}/${repetitions}`}: ${seen.join(", ")}`);
  }
  return samples;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per-repetition ratios of two paired sample lists. */
export function ratios(measured: readonly number[], baseline: readonly number[]): number[] {
  return measured.map((m, i) => m / baseline[i]!);
}

/** Millions of operations per second. */
export function mops(operations: number, ms: number): number {
  return operations / ms / 1000;
}

/** Fails loudly when a lock or counter lost updates: a figure over broken code means nothing. */
export function expectTotal(what: string, checks: readonly number[], total: number): void {
  const seen = Math.max(...checks);
  if (seen !== total) throw new Error(`${what}: counted ${seen}, expected ${total}`);
}

export interface Contender {
  /** The job kind the bench worker runs. */
  readonly kind: string;
  /** How the figure's parts name it. */
  readonly label: string;
}

/**
 * Throughput of `measured` over `baseline`, the same loop on the same team of
 * workers, repetitions interleaved; each run's total is checked first.
 */
export async function throughputRatio(
  spawn: () => Worker,
  workers: number,
  iterations: number,
  measured: Contender,
  baseline: Contender,
  repetitions: number,
  log: (line: string) => void,
): Promise<Measured> {
  const team = new Team(spawn, workers);
  const throughput = async ({ kind, label }: Contender): Promise<number> => {
    const run = await team.run(kind, workers, iterations);
    expectTotal(label, run.checks, workers * iterations);
    return mops(workers * iterations, run.ms);
  };
  try {
    const s = await interleaved(repetitions, { measured: () => throughput(measured), baseline: () => throughput(baseline) }, log);
    const samples = ratios(s.measured, s.baseline);
    return {
      value: median(samples),
      samples,
      parts: [
        { name: measured.label, value: median(s.measured), unit: "M ops/s" },
        { name: baseline.label, value: median(s.baseline), unit: "M ops/s" },
      ],
    };
  } finally {
    team.terminate();
  }
}
