/**
 * What the controller does for the page, as plain calls (controller.worker.ts
 * exposes them; Node calls them directly): explore hands it a whole search
 * (epoch-search.ts) or one schedule (drive.ts); step mode keeps one run and
 * moves it as the student asks.
 */
import { Controller, StuckWorkerError, type Option, type Pending } from "./controller";
import { STEP_CAP, Turns, driveSchedule, type Step } from "./drive";
import { searchEpochs } from "./epoch-search";
import { loadLanguage } from "../../runtime/i18n/i18n";
import type { Language } from "../../runtime/i18n/languages";

/** Where a stepped run stands: what each worker would do next, and who can move. */
export interface StepView {
  readonly pending: readonly Pending[];
  readonly options: readonly Option[];
  readonly allDone: boolean;
  /** A worker that neither parked nor ended within the limit. */
  readonly stuck: string | null;
}

/** A stepped run after some moves: where it stands, and the steps those moves were. */
export interface StepsTaken {
  readonly view: StepView;
  readonly steps: readonly Step[];
}

/**
 * The stepped run: one at a time. Its moves are made here, several to a
 * call where they can be (Undo's replay, Run to end), so that a long replay
 * is one message to this worker and one repaint of the page.
 */
class SteppedRun {
  private readonly turns: Turns;

  constructor(private readonly controller: Controller) {
    this.turns = new Turns(controller);
  }

  /** Makes `moves` in order, stopping early at one the run does not offer (it went otherwise). */
  moves(moves: readonly Option[]): StepsTaken {
    return this.guarded((steps) => {
      for (const move of moves) {
        const options = this.controller.options();
        if (!options.some((o) => o.worker === move.worker && o.timeout === move.timeout)) return;
        steps.push(this.take(options, move));
      }
    });
  }

  /** Takes the default move (drive.ts, Turns) until the run ends, no worker can move, or the step cap. */
  toEnd(): StepsTaken {
    return this.guarded((steps) => {
      for (let options = this.controller.options(); options.length > 0 && steps.length < STEP_CAP; options = this.controller.options()) {
        steps.push(this.take(options, this.turns.at(options).ordered[0]!));
      }
    });
  }

  view(stuck: string | null = null): StepView {
    const { controller } = this;
    return { pending: controller.pending(), options: controller.options(), allDone: controller.allDone(), stuck };
  }

  private take(options: readonly Option[], move: Option): Step {
    const { ordered, preemptive } = this.turns.at(options);
    const position = ordered.findIndex((o) => o.worker === move.worker && o.timeout === move.timeout);
    return this.turns.take(move, preemptive[position]!);
  }

  /** Runs `act`, reporting the steps it took; a worker stuck without a scheduling point ends it, said in the view. */
  private guarded(act: (steps: Step[]) => void): StepsTaken {
    const steps: Step[] = [];
    try {
      act(steps);
      return { view: this.view(), steps };
    } catch (thrown) {
      if (thrown instanceof StuckWorkerError) return { view: this.view(thrown.message), steps };
      throw thrown;
    }
  }
}

/** The controller's calls: explore's search and its single schedules, and step mode's moves (one stepped run at once). */
export function controllerCalls() {
  let stepping: SteppedRun | null = null;
  const stepped = (): SteppedRun => {
    if (stepping === null) throw new Error("No stepped run: begin one first.");
    return stepping;
  };
  return {
    /** Words what it reports (a deadlock, a stuck worker, a diverged schedule) in `lang`: the page's, told as a search or a stepped run begins. */
    speak: (lang: Language): Promise<void> => loadLanguage(lang),
    search: searchEpochs,
    drive: driveSchedule,
    /** Takes charge of a new gated run for step mode, once its workers have parked before their first lines. */
    begin(memory: SharedArrayBuffer, workers: number): StepView {
      const controller = new Controller(memory, workers);
      controller.recordLines();
      try {
        controller.start();
      } catch (thrown) {
        if (!(thrown instanceof StuckWorkerError)) throw thrown;
        return new SteppedRun(controller).view(thrown.message);
      }
      stepping = new SteppedRun(controller);
      return stepping.view();
    },
    /** Makes these moves in the stepped run, in order, as far as the run offers them. */
    moves: (moves: readonly Option[]): StepsTaken => stepped().moves(moves),
    /** Takes the default moves until the stepped run ends or cannot go on. */
    toEnd: (): StepsTaken => stepped().toEnd(),
  };
}
export type ControllerCalls = ReturnType<typeof controllerCalls>;
