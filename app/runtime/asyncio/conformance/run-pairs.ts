/**
 * Runs every conformance pair on a fresh loop (virtual clock) and returns
 * their event logs in PAIRS' order. conformance.test.ts runs it in a Node
 * worker thread, as the runner runs a scenario's loop, and posts the logs back.
 */
import { parentPort } from "node:worker_threads";
import { VirtualClock } from "../clock";
import { EventLoop } from "../loop";
import { PAIRS } from "./pairs";

export async function runPairs(): Promise<string[][]> {
  const logs: string[][] = [];
  for (const pair of PAIRS) {
    const log: string[] = [];
    const loop = new EventLoop(new VirtualClock());
    await loop.run(() => pair.run(loop, (event) => log.push(event)));
    logs.push(log);
  }
  return logs;
}

void runPairs().then(
  (logs) => parentPort?.postMessage({ logs }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
