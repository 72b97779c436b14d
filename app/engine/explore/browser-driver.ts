/**
 * Explore's driver in the browser: the page's main thread may not block in
 * Atomics.wait, so one long-lived controller worker drives every gated run
 * (controller.worker.ts): a whole explore search one comlink call, each step
 * of step mode one call.
 */
import { wrap, type Remote } from "comlink";
import type { ControllerCalls } from "./controller-calls";
import type { Driver } from "./explore";
import type { StepControl } from "./stepper";
import { language } from "../../runtime/i18n/i18n";

let controller: Remote<ControllerCalls> | null = null;

/** The page's one controller worker, started on first use. */
export function controllerWorker(): Remote<ControllerCalls> {
  controller ??= wrap<ControllerCalls>(new Worker(new URL("./controller.worker.ts", import.meta.url), { type: "module", name: "interleave-controller" }));
  return controller;
}

/** The controller worker, told the page's language first: what it reports is worded there (a deadlock, a diverged schedule). */
async function speaking(): Promise<Remote<ControllerCalls>> {
  const controller = controllerWorker();
  await controller.speak(language());
  return controller;
}

/** Step mode's calls, each made on the controller worker, which starts on the first: not while the page loads, where its start would compete with the editor's. */
export const browserStepControl: StepControl = {
  speak: (lang) => controllerWorker().speak(lang),
  begin: (memory, workers) => controllerWorker().begin(memory, workers),
  moves: (moves) => controllerWorker().moves(moves),
  toEnd: () => controllerWorker().toEnd(),
};

export const browserDriver: Driver = {
  drive: async (memory, workers, plan) => (await speaking()).drive(memory, workers, plan),
  search: async (memory, workers, options, progress) => (await speaking()).search(memory, workers, options, progress),
};
