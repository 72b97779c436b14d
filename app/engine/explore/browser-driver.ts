/**
 * Explore's driver in the browser: the page's main thread may not block in
 * Atomics.wait, so one long-lived controller worker drives every gated run
 * (controller.worker.ts), each schedule one comlink call.
 */
import { wrap, type Remote } from "comlink";
import type { ControllerApi } from "./controller.worker";
import type { Driver } from "./explore";

let controller: Remote<ControllerApi> | null = null;

export const browserDriver: Driver = (memory, workers, plan) => {
  controller ??= wrap<ControllerApi>(new Worker(new URL("./controller.worker.ts", import.meta.url), { type: "module", name: "interleave-controller" }));
  return controller.drive(memory, workers, plan);
};
