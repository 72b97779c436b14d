import { defineScenario, param } from "interleave";

// Solution: a third task kind, "mixed", waits `size` ms and then computes for a tenth of that.

// The same tasks, timed twice in one run: first one after another on
// worker A (sequential), then one task per worker, all at the same time.
// A CPU-bound task computes; an I/O-bound task waits, like a network call.

// A CPU-bound task computes in steps of about 1 ms. A step sorts these
// numbers in one call, as `sorted()` on a list does in CPython: a call that
// holds the GIL from start to end, so a thread lets go of it between steps,
// never inside one.
const STEP_NUMBERS = 20_000;

export default defineScenario({
  params: {
    kind: param.choice(["cpu", "io", "mixed"], { default: "cpu", label: "Task kind" }),
    tasks: param.int({ default: 4, min: 1, max: 8, label: "Tasks" }),
    size: param.int({ default: 40, min: 1, max: 1000, label: "Work per task (ms)" }),
    mode: param.choice(["threads", "processes"], { default: "threads", label: "Run tasks as" }),
  },

  // One worker per task. Threads share one GIL; processes have one each.
  workers: (params) => params.tasks,
  interpreter: (params) => ({ mode: params.mode === "threads" ? "gil" : "processes" }),

  setup: (shared, params) => ({
    concurrentPhase: shared.event("concurrent phase"),
    sequentialMicros: shared.int("sequential time (µs)"),
    startMicros: shared.int("concurrent start (µs)"),
    finished: shared.int("tasks finished"),
    endMicros: shared.int("concurrent end (µs)"),
    // How many tasks are in a step, or in a wait, right now; and the most each task saw.
    computing: shared.int("computing now"),
    waiting: shared.int("waiting now"),
    mostComputing: shared.array("most computing at once, per task", params.tasks),
    mostWaiting: shared.array("most waiting at once, per task", params.tasks),
    // Private to each worker, as a process's memory is.
    numbers: Int32Array.from({ length: STEP_NUMBERS }, (_, i) => (i * 7_919) % 65_521),
    // Sorted in place, step after step: a step allocates nothing, so no garbage collector shares the cores.
    scratch: new Int32Array(STEP_NUMBERS),
  }),

  worker: (shared, ctx) => {
    const { kind, size, tasks } = ctx.params;
    const micros = () => Math.round(ctx.now() * 1000);

    // Each counts this task in, does its work, and counts it out. The count it
    // comes in to is how many tasks are at it at once, this one included.
    const computeStep = () => {
      const atOnce = shared.computing.add(1);
      shared.scratch.set(shared.numbers);
      shared.scratch.sort(); // one call: no switch falls inside it
      shared.computing.add(-1);
      if (atOnce > shared.mostComputing.get(ctx.id)) shared.mostComputing.set(ctx.id, atOnce);
    };
    const compute = (ms: number) => {
      for (let step = 0; step < ms; step++) computeStep();
    };
    const wait = (ms: number) => {
      const atOnce = shared.waiting.add(1);
      ctx.io(ms); // a wait releases the GIL, like time.sleep or a socket read
      shared.waiting.add(-1);
      if (atOnce > shared.mostWaiting.get(ctx.id)) shared.mostWaiting.set(ctx.id, atOnce);
    };
    const task = () => {
      if (kind === "cpu") compute(size);
      else if (kind === "io") wait(size);
      else {
        wait(size); // mixed: wait for the reply (the GIL is released)...
        compute(size / 10); // ...then handle it, which needs the GIL
      }
    };

    if (ctx.id === 0) {
      const started = micros();
      for (let i = 0; i < tasks; i++) task();
      shared.sequentialMicros.set(micros() - started);
      shared.startMicros.set(micros());
      shared.concurrentPhase.set();
    } else {
      shared.concurrentPhase.wait();
    }

    task();
    if (shared.finished.add(1) === ctx.workers) shared.endMicros.set(micros());
  },

  result: (shared) => {
    const sequentialMs = shared.sequentialMicros.get() / 1000;
    const concurrentMs = (shared.endMicros.get() - shared.startMicros.get()) / 1000;
    return {
      sequentialMs,
      concurrentMs,
      speedup: Math.round((sequentialMs / concurrentMs) * 100) / 100,
      computingAtOnce: Math.max(...shared.mostComputing.toArray()),
      waitingAtOnce: Math.max(...shared.mostWaiting.toArray()),
    };
  },
});
