/** Scenarios more than one spec drives. */

/** Each worker takes one lock and waits for the other's: the watchdog stops the run. */
export const oppositeOrder = `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: (shared) => ({ left: shared.lock("left"), right: shared.lock("right"), ready: shared.int("ready") }),
  worker: ({ left, right, ready }, { id }) => {
    const [first, second] = id === 0 ? [left, right] : [right, left];
    first.acquire();
    ready.add(1);
    while (ready.get() < 2) {}
    second.acquire();
  },
  result: () => ({}),
});
`;
