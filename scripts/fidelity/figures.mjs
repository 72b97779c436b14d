/**
 * What `npm run fidelity` compares: lessons 1 and 2 with 2 workers, each
 * measured by its CPython reference and in the browser in the same shape,
 * and the figures read from both with their targets.
 *
 * Lesson 1 runs 2 tasks of 1,000 ms each, long enough that starting a
 * process pool does not dominate. Lesson 2's scenario fixes its CPU work at
 * 240 ms in all and its I/O at 8 waits of 10 ms per worker, so its
 * reference is given the same. Each reference reports the best of at least 3
 * timings per round, its ways taking turns: a fresh interpreter's first timing
 * is its noisiest, and another program's burst of work slows one of each.
 */

export const LESSONS = [
  {
    slug: "01-concurrency-vs-parallelism",
    python: ["--tasks", "2", "--size", "1000", "--repeat", "3"],
    runs: {
      cpuThreads: { params: { kind: "cpu", tasks: 2, size: 1000, mode: "threads" } },
      cpuProcesses: { params: { kind: "cpu", tasks: 2, size: 1000, mode: "processes" } },
      ioThreads: { params: { kind: "io", tasks: 2, size: 1000, mode: "threads" } },
    },
  },
  {
    slug: "02-the-gil",
    python: ["--threads", "2", "--cpu-ms", "240", "--waits", "8", "--wait-ms", "10", "--repeat", "3"],
    runs: {
      cpuGil: { params: { workers: 2, work: "cpu", mode: "gil", switchInterval: 5 }, chart: "GIL hand-overs per second" },
      ioGil: { params: { workers: 2, work: "io", mode: "gil", switchInterval: 5 } },
    },
  },
];

const within = (margin) => ({ text: `within ±${margin}`, passed: (browser, python) => Math.abs(browser - python) <= margin });
const atLeast = (share) => ({ text: `>= ${share} x CPython`, passed: (browser, python) => browser >= share * python });

/** A figure comparing a speedup: CPython's (from its JSON) and that of the browser run `run` (its sequential phase over its concurrent one). */
const speedup = (lesson, name, python, run, target) => ({
  lesson,
  name,
  python,
  browser: (runs) => runs[run].fields.sequentialMs / runs[run].fields.concurrentMs,
  target,
});

/**
 * Each figure reads one round's CPython JSON (`python`) and browser runs
 * (`browser`, by run name) of its lesson. `python: null` marks a browser
 * figure with no CPython counterpart, shown for the reader.
 */
export const FIGURES = [
  speedup(0, "lesson 1: CPU-bound threads, speedup", ({ seconds }) => seconds.cpu.sequential / seconds.cpu.threads, "cpuThreads", within(0.2)),
  speedup(0, "lesson 1: CPU-bound processes, speedup", ({ seconds }) => seconds.cpu.sequential / seconds.cpu.processes, "cpuProcesses", atLeast(0.9)),
  speedup(0, "lesson 1: I/O-bound threads, speedup", ({ seconds }) => seconds.io.sequential / seconds.io.threads, "ioThreads", atLeast(0.9)),
  speedup(1, "lesson 2: CPU-bound threads (GIL), speedup", ({ cpu }) => cpu.alone / cpu.together, "cpuGil", within(0.2)),
  speedup(1, "lesson 2: I/O-bound threads, speedup", ({ io }) => io.alone / io.together, "ioGil", atLeast(0.9)),
  {
    lesson: 1,
    name: "lesson 2: GIL hand-overs per second, 2 busy threads",
    python: (figures) => figures.handovers_per_second,
    // The chart divides by the whole run; the workers contend only in its concurrent phase.
    browser: ({ cpuGil }) => (cpuGil.chart * cpuGil.bodyMs) / cpuGil.fields.concurrentMs,
  },
  {
    lesson: 1,
    name: "lesson 2: the same, as its chart shows it (whole run)",
    python: null,
    browser: ({ cpuGil }) => cpuGil.chart,
  },
];
