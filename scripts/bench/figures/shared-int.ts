/** shared_int_add_vs_atomics_add: what SharedInt.add costs over a bare Atomics.add, 2 workers contending. */
import { throughputRatio, type Figure } from "../harness";

const WORKERS = 2;
// About 220 ms per run at the ~18.5 M adds/s DESIGN.md measured for Atomics.add.
const ITERATIONS = 2_000_000;

export const sharedIntAddVsAtomicsAdd: Figure = {
  name: "shared_int_add_vs_atomics_add",
  unit: "ratio",
  measure: (repetitions, log) =>
    throughputRatio(
      () => new Worker(new URL("../counter.worker.ts", import.meta.url), { type: "module" }),
      WORKERS,
      ITERATIONS,
      { kind: "shared-int", label: "SharedInt.add, 2 workers" },
      { kind: "atomics", label: "Atomics.add, 2 workers" },
      repetitions,
      log,
    ),
};
