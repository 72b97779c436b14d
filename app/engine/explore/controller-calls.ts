/**
 * What the controller does for the page, as plain calls (controller.worker.ts
 * exposes them; Node calls them directly): explore hands it a whole search
 * (epoch-search.ts) or one schedule (drive.ts); step mode keeps one run and
 * moves it a step per call.
 */
import { Controller, StuckWorkerError, type Option, type Pending } from "./controller";
import { driveSchedule } from "./drive";
import { searchEpochs } from "./epoch-search";

/** Where a stepped run stands: what each worker would do next, and who can move. */
export interface StepView {
  readonly pending: readonly Pending[];
  readonly options: readonly Option[];
  readonly allDone: boolean;
  /** A worker that neither parked nor ended within the limit. */
  readonly stuck: string | null;
}

function view(controller: Controller, stuck: string | null = null): StepView {
  return { pending: controller.pending(), options: controller.options(), allDone: controller.allDone(), stuck };
}

function guarded(controller: Controller, act: () => void): StepView {
  try {
    act();
    return view(controller);
  } catch (thrown) {
    if (thrown instanceof StuckWorkerError) return view(controller, thrown.message);
    throw thrown;
  }
}

/** The controller's calls: explore's search and its single schedules, and step mode's one step at a time (one stepped run at once). */
export function controllerCalls() {
  let stepping: Controller | null = null;
  return {
    search: searchEpochs,
    drive: driveSchedule,
    /** Takes charge of a new gated run for step mode, once its workers have parked before their first lines. */
    begin(memory: SharedArrayBuffer, workers: number): StepView {
      const controller = new Controller(memory, workers);
      stepping = controller;
      controller.recordLines();
      return guarded(controller, () => controller.start());
    },
    /** Moves one worker one step in the stepped run. */
    step(option: Option): StepView {
      const controller = stepping;
      if (controller === null) throw new Error("No stepped run: begin one first.");
      return guarded(controller, () => controller.take(option));
    },
  };
}
export type ControllerCalls = ReturnType<typeof controllerCalls>;
