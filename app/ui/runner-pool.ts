/** The page's one pool of runner workers, created on first use. */
import { WorkerPool } from "../engine/pool";
import { spawnBrowserRunner } from "../engine/browser-runner";

let pool: WorkerPool | null = null;

export function runnerPool(): WorkerPool {
  pool ??= new WorkerPool(spawnBrowserRunner, 2);
  return pool;
}
