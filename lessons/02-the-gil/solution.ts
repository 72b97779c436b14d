import { defineScenario, param } from "interleave";

// Solution: every goal of this lesson is reached by changing parameters; this file is the starter, annotated.
// Workers as Python threads. "cpu": a fixed total of computation, split
// between the workers. "io": a fixed number of waits per worker. Both are
// first done by worker A alone (sequential), then by all workers at once.
// "convoy": worker A alternates short waits with a little computing, while
// the other workers compute without a break.
const TOTAL_CPU_MS = 240;
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

  setup: (shared) => ({
    concurrentPhase: shared.event("concurrent phase"),
    sequentialMicros: shared.int("sequential time (µs)"),
    startMicros: shared.int("concurrent start (µs)"),
    finished: shared.int("workers finished"),
    endMicros: shared.int("concurrent end (µs)"),
    ioTaskMicros: shared.int("I/O task time (µs)"),
  }),

  worker: (shared, ctx) => {
    const { work, workers } = ctx.params;
    const micros = () => Math.round(ctx.now() * 1000);

    if (work === "convoy") {
      const started = micros();
      if (ctx.id === 0) {
        for (let i = 0; i < CONVOY_ROUNDS; i++) {
          ctx.io(CONVOY_WAIT_MS); // waiting releases the GIL...
          ctx.cpu(0.2); // ...but handling the reply needs it back
        }
        shared.ioTaskMicros.set(micros() - started);
      } else {
        ctx.cpu(TOTAL_CPU_MS); // holds the GIL until a waiter (A, back from I/O) has waited a full interval and asks
      }
      return;
    }

    // The CPU total is fixed: under the GIL, more workers still compute it one at a time (speedup near 1x).
    // Each worker's waits are fixed: waits overlap, because a waiting worker has released the GIL.
    const share = () => (work === "cpu" ? ctx.cpu(TOTAL_CPU_MS / workers) : repeat(IO_WAITS, () => ctx.io(IO_WAIT_MS)));
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
      const ioTaskMs = shared.ioTaskMicros.get() / 1000;
      // Ideal: the waits plus the work, no queuing. Each round may add up to a switch interval on top.
      const ioIdealMs = CONVOY_ROUNDS * (CONVOY_WAIT_MS + 0.2);
      return { ioTaskMs, ioIdealMs, slowdown: round(ioTaskMs / ioIdealMs) };
    }
    const sequentialMs = shared.sequentialMicros.get() / 1000;
    const concurrentMs = (shared.endMicros.get() - shared.startMicros.get()) / 1000;
    return { sequentialMs, concurrentMs, speedup: round(sequentialMs / concurrentMs) };
  },
});

function repeat(times: number, action: () => void): void {
  for (let i = 0; i < times; i++) action();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
