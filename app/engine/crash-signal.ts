/**
 * A runner worker's death, told to the calls waiting on it at that moment.
 * A warm runner serves thousands of calls (Explore over tasks makes one per
 * schedule): racing each against one never-settling "crashed" promise left a
 * reaction on it per call, and through it each call's result, for as long
 * as the worker lived. Here a call listens only while it waits.
 */
import type { ScenarioErrorInfo } from "../runtime/protocol";

export class CrashSignal {
  private error: ScenarioErrorInfo | null = null;
  private readonly listeners = new Set<(error: ScenarioErrorInfo) => void>();

  /** The worker died: every waiting call hears it, and every later one at once. */
  crash(error: ScenarioErrorInfo): void {
    if (this.error !== null) return;
    this.error = error;
    for (const listener of this.listeners) listener(error);
    this.listeners.clear();
  }

  /** How many calls wait on it now: each stops listening once it settles. */
  get waiting(): number {
    return this.listeners.size;
  }

  /** `work`'s value, or `onCrash`'s if the worker dies first. */
  race<T, C>(work: Promise<T>, onCrash: (error: ScenarioErrorInfo) => C): Promise<T | C> {
    if (this.error !== null) return Promise.resolve(onCrash(this.error));
    let listener: (error: ScenarioErrorInfo) => void = () => {};
    const crashed = new Promise<C>((resolve) => {
      listener = (error) => resolve(onCrash(error));
      this.listeners.add(listener);
    });
    return Promise.race([work, crashed]).finally(() => this.listeners.delete(listener));
  }
}
