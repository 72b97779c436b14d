import { defineScenario, param } from "interleave";

// A place to try anything. This starter is two workers adding to one counter
// without a lock; change it as you like, or paste a lesson's scenario here.
// Explore counts a schedule as failing when a worker or result() throws, when
// the workers deadlock, or when the promise (beside the lesson text) is broken.
export default defineScenario({
  params: {
    workers: param.int({ default: 2, min: 1, max: 8, label: "Workers" }),
    increments: param.int({ default: 3, min: 1, max: 1_000_000, label: "Increments per worker" }),
  },

  setup: (shared) => ({
    counter: shared.int("counter", 0),
  }),

  worker: ({ counter }, { params }) => {
    for (let i = 0; i < params.increments; i++) {
      counter.set(counter.get() + 1);
    }
  },

  result: ({ counter }, params) => ({
    expected: params.workers * params.increments,
    actual: counter.get(),
  }),
});
