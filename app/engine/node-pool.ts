/** A worker pool of Node worker_threads runners, for tests and command-line checks. */
import { WorkerPool } from "./pool";
import { spawnNodeRunner } from "./node-runner";

export function createNodePool(warm = 0): WorkerPool {
  return new WorkerPool(spawnNodeRunner, warm);
}
