/** Spawns runner workers in the browser: a Vite-built module worker per runner. */
import { wrap } from "comlink";
import { isLiveConsoleLine, type LiveConsoleLine, type RunnerApi } from "../runtime/protocol";
import { CrashSignal } from "./crash-signal";
import type { RunnerHandle } from "./pool";
import { engineMessage } from "./messages/message";

export function spawnBrowserRunner(): RunnerHandle {
  const worker = new Worker(new URL("../runtime/worker.ts", import.meta.url), { type: "module", name: "interleave-runner" });
  const crash = new CrashSignal();
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    crash.crash({ name: "Error", message: event.message || engineMessage("run.workerCrashed"), phase: "worker", line: event.lineno || undefined });
  });
  const listen = (listener: (line: LiveConsoleLine) => void) => {
    const hear = (event: MessageEvent) => isLiveConsoleLine(event.data) && listener(event.data);
    worker.addEventListener("message", hear);
    return () => worker.removeEventListener("message", hear);
  };
  return { runner: wrap<RunnerApi>(worker), crash, listen, terminate: () => worker.terminate() };
}
