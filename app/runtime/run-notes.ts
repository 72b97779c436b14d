/**
 * Notes a body leaves for the student without failing the run (the event
 * loop's leaked tasks, for one): collected on this worker and sent with its
 * body's report (runner.ts), shown under the run's status.
 */
let notes: string[] = [];

export function addRunNote(note: string): void {
  notes.push(note);
}

/** The notes since the last call, which clears them. */
export function takeRunNotes(): string[] {
  const taken = notes;
  notes = [];
  return taken;
}
