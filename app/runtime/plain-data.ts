/**
 * Checks that a scenario's result is plain data (what the page can show,
 * chart and compare): numbers, strings, booleans, null, arrays and plain
 * objects. Anything else is refused with the path to it, instead of failing
 * later somewhere the student cannot see.
 */
export function plainDataProblem(value: unknown, path = "result"): string | null {
  if (value === null || typeof value === "string" || typeof value === "boolean") return null;
  if (typeof value === "number") return Number.isNaN(value) ? `${path} is NaN` : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = plainDataProblem(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, field] of Object.entries(value)) {
      const problem = plainDataProblem(field, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  if (value === undefined) return `${path} is undefined`;
  const kind = typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value;
  return `${path} is a ${kind}`;
}
