/**
 * The names of a run's shared objects, from its allocations: the timeline
 * writes them on waiting segments, and step mode and explore in their steps.
 */
import type { Allocation } from "../../runtime/memory";
import { elementAt } from "../../runtime/shared-array";
import { engineMessage, type EngineKey } from "../messages/message";
import en from "../messages/en";

/** Object word index (what trace events carry) to its name. */
export function objectNames(objects: readonly Allocation[]): Map<number, string> {
  return new Map(objects.map(({ index, name }) => [index, name]));
}

/** A shared object's name, or its word index when it has none. */
export function objectName(names: ReadonlyMap<number, string>, object: number): string {
  return names.get(object) ?? engineMessage("object.unnamed", { index: object });
}

/**
 * The object at word `index` as a step names it: an integer by its name
 * ("counter"), an array's element by its position ("buf[3]"), anything else
 * by its kind and name ("lock a", "array buf"); "" when no object is there.
 */
export function objectLabel(objects: readonly Allocation[], index: number): string {
  const object = objects.find((o) => index >= o.index && index < o.index + o.words);
  if (object === undefined) return "";
  if (object.kind === "array" && index !== object.index) return `${object.name}[${elementAt(object.index, index)}]`;
  return object.kind === "int" ? object.name : engineMessage("object.labelled", { kind: kindWord(object.kind), name: object.name });
}

/** A kind of shared object in words ("lock"; in Chinese 锁); a kind the catalogue does not know, as it is. */
export function kindWord(kind: string): string {
  return kind in en.kind ? engineMessage(`kind.${kind}` as EngineKey) : kind;
}
