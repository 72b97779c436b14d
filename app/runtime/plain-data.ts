/**
 * Checks that a scenario's result is plain data (what the page can show,
 * chart and compare): numbers, strings, booleans, null, arrays and plain
 * objects, without a cycle, and at most RESULT_LIMIT_BYTES as JSON. Anything
 * else is refused with the path to it (or the size), in the worker, instead
 * of failing later on the page: a cycle overflowed the stack there, and a
 * 50 MB string froze it for half a minute.
 */
import { runtimeMessage } from "./messages/message";

/** The most JSON a result may take: the page copies, shows and keeps every run's result. */
export const RESULT_LIMIT_BYTES = 1_000_000;

export function plainDataProblem(value: unknown, path = "result"): string | null {
  const walk = new Walk();
  const problem = walk.problem(value, path);
  if (problem) return problem;
  if (walk.bytes > RESULT_LIMIT_BYTES) {
    return runtimeMessage("plainData.tooLarge", { size: megabytes(walk.bytes), limit: megabytes(RESULT_LIMIT_BYTES) });
  }
  return null;
}

/** One walk over a result: the objects on the path to here (for cycles), and the JSON's size so far. */
class Walk {
  bytes = 0;
  private readonly ancestors = new Map<object, string>();

  problem(value: unknown, path: string): string | null {
    if (value === null || typeof value === "boolean") {
      this.bytes += 5;
      return null;
    }
    if (typeof value === "string") {
      this.bytes += value.length + 2;
      return null;
    }
    if (typeof value === "number") {
      this.bytes += 8;
      return Number.isNaN(value) ? runtimeMessage("plainData.nan", { path }) : null;
    }
    if (Array.isArray(value)) return this.inside(value, path, () => this.items(value, path));
    if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return this.inside(value, path, () => this.fields(value, path));
    if (value === undefined) return runtimeMessage("plainData.undefined", { path });
    const kind = typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value;
    return runtimeMessage("plainData.kind", { path, kind });
  }

  private inside(container: object, path: string, walk: () => string | null): string | null {
    const ancestor = this.ancestors.get(container);
    if (ancestor !== undefined) return runtimeMessage("plainData.cycle", { path, ancestor });
    this.ancestors.set(container, path);
    this.bytes += 2;
    const problem = walk();
    this.ancestors.delete(container);
    return problem;
  }

  private items(items: readonly unknown[], path: string): string | null {
    for (let i = 0; i < items.length; i++) {
      this.bytes += 1;
      const problem = this.problem(items[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }

  private fields(object: object, path: string): string | null {
    for (const [key, field] of Object.entries(object)) {
      this.bytes += key.length + 4;
      const problem = this.problem(field, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
}

function megabytes(bytes: number): string {
  return runtimeMessage("plainData.megabytes", { megabytes: (bytes / 1_000_000).toFixed(1) });
}
