/**
 * A note pinned on a lane by someone who knows more than the trace: the
 * watchdog marks the lanes of a deadlock with what each waits for and who
 * holds it. A tagged union, so a later kind of note is a new variant.
 */
import { workerName } from "../../runtime/protocol";
import type { WaitEdge } from "../watchdog";
import { engineMessage } from "../messages/message";
import { kindWord } from "./object-names";

export type LaneNote = {
  readonly kind: "deadlock";
  /** What the worker waits for: the object's kind ("lock") and name ("fork_1"). */
  readonly objectKind: string;
  readonly object: string;
  /** The worker holding it; -1 when unknown. */
  readonly holder: number;
};

/** The note for one edge of the watchdog's wait-for graph (pin it on lane `edge.worker`). */
export function deadlockNote({ kind, object, holder }: Omit<WaitEdge, "waits">): LaneNote {
  return { kind: "deadlock", objectKind: kind, object, holder };
}

/** The note in words: "deadlocked: waiting for lock fork_1 held by B". */
export function describeNote(note: LaneNote): string {
  const values = { kind: kindWord(note.objectKind), object: note.object };
  return note.holder >= 0 ? engineMessage("timeline.deadlockedHeld", { ...values, holder: workerName(note.holder) }) : engineMessage("timeline.deadlocked", values);
}
