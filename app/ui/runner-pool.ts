/** The page's one pool of runner workers, created on first use, warmed once the editor shows (editor-shown.ts). */
import { WorkerPool } from "../engine/pool";
import { spawnBrowserRunner } from "../engine/browser-runner";
import { afterEditorShows } from "./editor-shown";

let pool: WorkerPool | null = null;

export function runnerPool(): WorkerPool {
  pool ??= new WorkerPool(spawnBrowserRunner, 2, afterEditorShows());
  return pool;
}
