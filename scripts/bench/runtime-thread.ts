/**
 * A bench worker's runtime context, set up as the runner sets up a worker of
 * a free run (a scenario without `interpreter`): no GIL, no scheduling-point
 * hook, and the trace of the run memory on with its defaults (blocking and
 * hand-overs traced, uncontended operations not). Every worker configures the
 * same values, so no worker can read them before they are written.
 */
import { configureGil } from "../../app/runtime/gil";
import { setPointHook } from "../../app/runtime/gate";
import type { Arena } from "../../app/runtime/memory";
import { Thread } from "../../app/runtime/thread";

export function freeRunThread(arena: Arena, workerId: number): Thread {
  configureGil(arena.words, "free-threaded");
  setPointHook(null);
  return new Thread(arena, workerId);
}
