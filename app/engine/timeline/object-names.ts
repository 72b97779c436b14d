/** The names the timeline writes on waiting segments, from a run's shared objects. */
import type { Allocation } from "../../runtime/memory";

/** Object word index (what trace events carry) to its name. */
export function objectNames(objects: readonly Allocation[]): Map<number, string> {
  return new Map(objects.map(({ index, name }) => [index, name]));
}

/** A shared object's name, or its word index when it has none. */
export function objectName(names: ReadonlyMap<number, string>, object: number): string {
  return names.get(object) ?? `object @${object}`;
}
