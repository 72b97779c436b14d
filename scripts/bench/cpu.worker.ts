/** The raw-worker side of the engine-speedup figure: the same kernel, no engine. */
import { cpuShare } from "./cpu-kernel";
import { serve } from "./worker-kit";

serve({
  cpu: ({ workerId, workers, iterations }) => () => cpuShare(workerId, workers, iterations),
});
