/**
 * A worker that ran out of memory, said as that. Node caps a runner's heap
 * (node-runner.ts) and ends only that worker; a browser gives a worker no cap
 * of its own, and a worker that exhausts its heap takes the whole page down
 * (run-in-progress.ts tells the reloaded page).
 */
import type { ScenarioErrorInfo } from "../runtime/protocol";
import { engineMessage } from "./messages/message";

/** The heap a Node runner may use: far above what any lesson needs, far below what would starve the machine. */
export const NODE_RUNNER_HEAP_MB = 512;

/** What to look for in code that ran out of memory, in the page's language. */
export function outOfMemoryHint(): string {
  return engineMessage("run.outOfMemoryHint");
}

export function outOfMemory(limitMb: number): ScenarioErrorInfo {
  return {
    name: "MemoryError",
    phase: "worker",
    message: engineMessage("run.outOfMemory", { limit: limitMb, hint: outOfMemoryHint() }),
  };
}
