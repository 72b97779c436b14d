/**
 * The raw-worker side of the speedup figures (raw-kernel.ts): the kernel, no
 * engine. The kernel is compiled once and stays warm across repetitions,
 * whereas the engine evaluates the scenario afresh on every run: any cost of
 * that cold start is part of what the figures measure.
 */
import { cpuShare } from "./cpu-kernel";
import { serve } from "./worker-kit";

serve({
  cpu: ({ workerId, workers, iterations }) => () => cpuShare(workerId, workers, iterations),
});
