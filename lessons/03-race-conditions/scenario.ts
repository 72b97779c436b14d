import { defineScenario, param } from "interleave";

// Every worker adds 1 to a shared counter, `increments` times.
// With fix = "none", each add is a read, then a write: two separate steps.

// Any call of a Python function: CPython may hand the GIL to another thread as it enters one.
function audit(value: number): number {
  return value;
}

export default defineScenario({
  params: {
    workers: param.int({ default: 2, min: 1, max: 8, label: "Workers" }),
    increments: param.int({ default: 2_000_000, min: 1, max: 5_000_000, label: "Increments per worker" }),
    interpreter: param.choice(["gil", "free-threaded"], { default: "gil", label: "Interpreter" }),
    between: param.choice(["a call", "nothing"], { default: "a call", label: "Between read and write" }),
    fix: param.choice(["none", "lock", "atomic"], { default: "none", label: "Fix" }),
  },

  interpreter: (params) => ({ mode: params.interpreter }),

  setup: (shared) => ({
    counter: shared.int("counter", 0),
    lock: shared.lock("counter_lock"),
  }),

  worker: ({ counter, lock }, { params }) => {
    for (let i = 0; i < params.increments; i++) {
      if (params.fix === "lock") {
        lock.acquire();
        counter.set(counter.get() + 1);
        lock.release();
      } else if (params.fix === "atomic") {
        counter.add(1);
      } else {
        const seen = counter.get(); // read...
        const next = params.between === "a call" ? audit(seen + 1) : seen + 1;
        counter.set(next); // ...then write: another worker may have written in between
      }
    }
  },

  result: ({ counter }, params) => {
    const expected = params.workers * params.increments;
    const actual = counter.get();
    return { expected, actual, lost: expected - actual };
  },
});
