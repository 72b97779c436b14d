import { defineScenario, param } from "interleave";
// Solution: every goal of this lesson is reached by changing parameters; this file is the starter, annotated.

// Workers as Python threads. "cpu": a fixed total of computation, split
// between the workers. "io": a fixed number of waits per worker. Both are
// first done by worker A alone (sequential), then by all workers at once.
// "convoy": worker A alternates short waits with a little computing, first
// alone, then while the other workers compute without a break.
const TOTAL_CPU_MS = 240;
// The "cpu" work is done in short steps, about 0.4 ms each: a step sorts these
// numbers in one call, as sorted() does in CPython, holding the GIL from start
// to end. So a worker can hand the GIL over between steps, never inside one.
const STEP_NUMBERS = 8_192;
const STEPS_PER_MS = 2.5;
const IO_WAITS = 8;
const IO_WAIT_MS = 10;
const CONVOY_ROUNDS = 30;
const CONVOY_WAIT_MS = 2;

export default defineScenario({
  params: {
    workers: param.int({ default: 2, min: 1, max: 8, label: "Workers" }),
    work: param.choice(["cpu", "io", "convoy"], { default: "cpu", label: "Work" }),
    mode: param.choice(["gil", "free-threaded"], { default: "gil", label: "Interpreter" }),
    switchInterval: param.int({ default: 5, min: 1, max: 100, label: "Switch interval (ms)" }),
  },

  // "gil": one lock for all workers, as in CPython; "free-threaded": no lock, as in python3.13t.
  // switchIntervalMs is sys.setswitchinterval (milliseconds here, seconds in Python).
  interpreter: (params) => ({ mode: params.mode, switchIntervalMs: params.switchInterval }),

  setup: (shared, params) => ({
    concurrentPhase: shared.event("concurrent phase"),
    sequentialMicros: shared.int("sequential time (µs)"),
    startMicros: shared.int("concurrent start (µs)"),
    finished: shared.int("workers finished"),
    endMicros: shared.int("concurrent end (µs)"),
    ioAloneMicros: shared.int("I/O task alone (µs)"),
    ioTaskMicros: shared.int("I/O task in the convoy (µs)"),
    // How many workers are in a step right now, and the most each worker saw.
    computing: shared.int("computing now"),
    mostComputing: shared.array("most computing at once, per worker", params.workers),
    // Private to each worker.
    numbers: Int32Array.from({ length: STEP_NUMBERS }, (_, i) => (i * 7_919) % 65_521),
    // Sorted in place, step after step: a step allocates nothing, so no garbage collector shares the cores.
    scratch: new Int32Array(STEP_NUMBERS),
  }),

  worker: (shared, ctx) => {
    const { work, workers } = ctx.params;
    const micros = () => Math.round(ctx.now() * 1000);

    if (work === "convoy") {
      if (ctx.id === 0) {
        const ioTask = () => {
          const started = micros();
          for (let i = 0; i < CONVOY_ROUNDS; i++) {
            ctx.io(CONVOY_WAIT_MS); // waiting releases the GIL...
            ctx.cpu(0.2); // ...but handling the reply needs it back
          }
          return micros() - started;
        };
        shared.ioAloneMicros.set(ioTask()); // alone: the others wait for the event
        shared.concurrentPhase.set();
        shared.ioTaskMicros.set(ioTask()); // beside the others, computing
      } else {
        shared.concurrentPhase.wait();
        ctx.cpu(TOTAL_CPU_MS); // holds the GIL until a waiter (A, back from I/O) has waited a full interval and asks
      }
      return;
    }

    // The CPU total is fixed: under the GIL, more workers still compute it one at a time (speedup near 1x).
    // Each worker's waits are fixed: waits overlap, because a waiting worker has released the GIL.
    // A step counts this worker in while it computes; the count it comes in to is how many compute at once.
    const computeStep = () => {
      const atOnce = shared.computing.add(1);
      shared.scratch.set(shared.numbers);
      shared.scratch.sort(); // one call: no switch falls inside it
      shared.computing.add(-1);
      if (atOnce > shared.mostComputing.get(ctx.id)) shared.mostComputing.set(ctx.id, atOnce);
    };
    const steps = Math.round((TOTAL_CPU_MS * STEPS_PER_MS) / workers);
    const share = () => (work === "cpu" ? repeat(steps, computeStep) : repeat(IO_WAITS, () => ctx.io(IO_WAIT_MS)));
    if (ctx.id === 0) {
      const started = micros();
      for (let w = 0; w < workers; w++) share();
      shared.sequentialMicros.set(micros() - started);
      shared.startMicros.set(micros());
      shared.concurrentPhase.set();
    } else {
      shared.concurrentPhase.wait();
    }
    share();
    if (shared.finished.add(1) === workers) shared.endMicros.set(micros());
  },

  result: (shared, params) => {
    if (params.work === "convoy") {
      const ioAloneMs = shared.ioAloneMicros.get() / 1000;
      const ioTaskMs = shared.ioTaskMicros.get() / 1000;
      // Ideal: the waits plus the work, no queuing. Beside the others, each round may add up to a switch interval on top.
      const ioIdealMs = CONVOY_ROUNDS * (CONVOY_WAIT_MS + 0.2);
      return { ioAloneMs, ioTaskMs, ioIdealMs, slowdown: round(ioTaskMs / ioAloneMs) };
    }
    const sequentialMs = shared.sequentialMicros.get() / 1000;
    const concurrentMs = (shared.endMicros.get() - shared.startMicros.get()) / 1000;
    return {
      sequentialMs,
      concurrentMs,
      speedup: round(sequentialMs / concurrentMs),
      computingAtOnce: Math.max(...shared.mostComputing.toArray()),
    };
  },
});

function repeat(times: number, action: () => void): void {
  for (let i = 0; i < times; i++) action();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
