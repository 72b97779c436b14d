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
  return objectWords(objects, index).object;
}

/** What a message about the object at `index` takes: the label whole (`object`), or its kind in words ("" for an integer or an array's element) and its name, for a language that joins a verb and a kind without a space (获取锁 a, but 读取 counter). */
export interface ObjectWords {
  readonly object: string;
  readonly kind: string;
  readonly name: string;
}

export function objectWords(objects: readonly Allocation[], index: number): ObjectWords {
  const object = objects.find((o) => index >= o.index && index < o.index + o.words);
  if (object === undefined) return { object: "", kind: "", name: "" };
  if (object.kind === "array" && index !== object.index) {
    const element = `${object.name}[${elementAt(object.index, index)}]`;
    return { object: element, kind: "", name: element };
  }
  if (object.kind === "int") return { object: object.name, kind: "", name: object.name };
  const kind = kindWord(object.kind);
  return { object: engineMessage("object.labelled", { kind, name: object.name }), kind, name: object.name };
}

/** A kind of shared object in words ("lock"; in Chinese 锁); a kind the catalogue does not know, as it is. */
export function kindWord(kind: string): string {
  return kind in en.kind ? engineMessage(`kind.${kind}` as EngineKey) : kind;
}
