/**
 * Spawns runner workers as Node worker_threads, for tests and command-line
 * checks. The worker loads the TypeScript runtime through sucrase's require
 * hook (node-runner-ts.cjs), so Node runs the very code the browser runs.
 */
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { wrap } from "comlink";
import nodeEndpoint from "comlink/dist/umd/node-adapter";
import { isLiveConsoleLine, type RunnerApi } from "../runtime/protocol";
import { CrashSignal } from "./crash-signal";
import { NODE_RUNNER_HEAP_MB, outOfMemory } from "./out-of-memory";
import type { RunnerHandle } from "./pool";

const entry = fileURLToPath(new URL("../runtime/node-worker.ts", import.meta.url));
const hook = fileURLToPath(new URL("./node-runner-ts.cjs", import.meta.url));
const bootstrap = `require(${JSON.stringify(hook)}); require(${JSON.stringify(entry)});`;

export function spawnNodeRunner(): RunnerHandle {
  // A scenario that fills its heap ends only its own worker, not the process running every check.
  const worker = new Worker(bootstrap, { eval: true, resourceLimits: { maxOldGenerationSizeMb: NODE_RUNNER_HEAP_MB } });
  const crash = new CrashSignal();
  worker.on("error", (error: Error & { code?: string }) =>
    crash.crash(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? outOfMemory(NODE_RUNNER_HEAP_MB) : { name: error.name, message: error.message, phase: "worker" }),
  );
  return {
    runner: wrap<RunnerApi>(nodeEndpoint(worker)),
    crash,
    listen: (listener) => {
      const hear = (data: unknown) => isLiveConsoleLine(data) && listener(data);
      worker.on("message", hear);
      return () => void worker.off("message", hear);
    },
    terminate: () => void worker.terminate(),
  };
}
