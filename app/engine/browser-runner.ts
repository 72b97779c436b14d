/** Spawns runner workers in the browser: a Vite-built module worker per runner. */
import { wrap } from "comlink";
import type { RunnerApi } from "../runtime/protocol";
import { CrashSignal } from "./crash-signal";
import type { RunnerHandle } from "./pool";

export function spawnBrowserRunner(): RunnerHandle {
  const worker = new Worker(new URL("../runtime/worker.ts", import.meta.url), { type: "module", name: "interleave-runner" });
  const crash = new CrashSignal();
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    crash.crash({ name: "Error", message: event.message || "The worker crashed.", phase: "worker", line: event.lineno || undefined });
  });
  return { runner: wrap<RunnerApi>(worker), crash, terminate: () => worker.terminate() };
}
