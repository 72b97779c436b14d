/**
 * The start gate: every worker of a run waits here until all have arrived, so
 * their bodies begin together. Without it, short loops would finish one after
 * another as the workers start up, and no race would ever show.
 *
 * A one-shot counting barrier over two header words (`startArrived`,
 * `startOpen`): the last worker to arrive opens the gate and wakes the rest.
 */
import { Header } from "./memory";

export function waitAtStartGate(words: Int32Array, workerCount: number): void {
  const arrived = Atomics.add(words, Header.startArrived, 1) + 1;
  if (arrived === workerCount) {
    Atomics.store(words, Header.startOpen, 1);
    Atomics.notify(words, Header.startOpen);
    return;
  }
  while (Atomics.load(words, Header.startOpen) === 0) {
    Atomics.wait(words, Header.startOpen, 0);
  }
}
