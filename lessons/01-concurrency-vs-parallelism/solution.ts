import { defineScenario, param } from "interleave";

// Solution: a third task kind, "mixed", waits `size` ms and then computes for a tenth of that.
// The same tasks, timed twice in one run: first one after another on
// worker A (sequential), then one task per worker, all at the same time.
// A CPU-bound task computes; an I/O-bound task waits, like a network call.
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

  setup: (shared) => ({
    concurrentPhase: shared.event("concurrent phase"),
    sequentialMicros: shared.int("sequential time (µs)"),
    startMicros: shared.int("concurrent start (µs)"),
    finished: shared.int("tasks finished"),
    endMicros: shared.int("concurrent end (µs)"),
  }),

  worker: (shared, ctx) => {
    const { kind, size, tasks } = ctx.params;
    const task = () => {
      if (kind === "cpu") ctx.cpu(size);
      else if (kind === "io") ctx.io(size);
      else {
        ctx.io(size); // mixed: wait for the reply (the GIL is released)...
        ctx.cpu(size / 10); // ...then handle it, which needs the GIL
      }
    };
    const micros = () => Math.round(ctx.now() * 1000);

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
    return { sequentialMs, concurrentMs, speedup: Math.round((sequentialMs / concurrentMs) * 100) / 100 };
  },
});
