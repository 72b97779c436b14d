/**
 * A small schema checker for course YAML: every key known, every value of the
 * right type, problems reported with the key's line. Kept tiny on purpose;
 * the shapes themselves (frontmatter, manifest) read as documentation.
 */
import type { Located } from "./yaml-map";
import type { Problem } from "./problem";

export type Field =
  | { readonly type: "string"; readonly required?: boolean; readonly pattern?: RegExp; readonly oneOf?: readonly string[] }
  | { readonly type: "number"; readonly required?: boolean; readonly min: number; readonly max: number }
  | { readonly type: "strings"; readonly required?: boolean }
  | { readonly type: "boolean"; readonly required?: boolean }
  /** Any keys, each a number, a string or a boolean (parameter values). */
  | { readonly type: "values"; readonly required?: boolean }
  | { readonly type: "list"; readonly required?: boolean; readonly item: Shape }
  | { readonly type: "map"; readonly required?: boolean; readonly shape: Shape };

export type Shape = Readonly<Record<string, Field>>;

export function checkShape(located: Located, shape: Shape, file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string) => located.lines.get(path) ?? located.lines.get("");
  const report = (path: string, message: string) => problems.push({ file, line: at(path), message });
  checkObject(located.value, shape, "", report);
  return problems;
}

type Report = (path: string, message: string) => void;

function checkObject(value: unknown, shape: Shape, path: string, report: Report): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    report(path, `${path || "the document"} must be a map of keys (${Object.keys(shape).join(", ")})`);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in shape)) report(join(path, key), unknownKey(key, Object.keys(shape)));
  }
  for (const [key, field] of Object.entries(shape)) {
    const keyPath = join(path, key);
    if (record[key] === undefined || record[key] === null) {
      if (field.required) report(path, `missing key "${key}"`);
      continue;
    }
    checkField(record[key], field, keyPath, key, report);
  }
}

function checkField(value: unknown, field: Field, path: string, key: string, report: Report): void {
  switch (field.type) {
    case "string":
      if (typeof value !== "string" || value.trim() === "") return report(path, `"${key}" must be a non-empty string`);
      if (field.pattern && !field.pattern.test(value)) return report(path, `"${key}" = "${value}" must match ${field.pattern}`);
      if (field.oneOf && !field.oneOf.includes(value)) return report(path, `"${key}" must be one of ${field.oneOf.join(", ")}; got "${value}"`);
      return;
    case "number":
      if (typeof value !== "number" || value < field.min || value > field.max) {
        report(path, `"${key}" must be a number from ${field.min} to ${field.max}`);
      }
      return;
    case "boolean":
      if (typeof value !== "boolean") report(path, `"${key}" must be true or false`);
      return;
    case "values":
      if (typeof value !== "object" || value === null || Array.isArray(value)) return report(path, `"${key}" must be a map of names to values`);
      for (const [name, v] of Object.entries(value)) {
        if (!["number", "string", "boolean"].includes(typeof v)) report(join(path, name), `"${key}.${name}" must be a number, a string or true/false`);
      }
      return;
    case "strings":
      if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === "string")) {
        report(path, `"${key}" must be a non-empty list of strings`);
      }
      return;
    case "map":
      return checkObject(value, field.shape, path, report);
    case "list":
      if (!Array.isArray(value)) return report(path, `"${key}" must be a list`);
      value.forEach((item, i) => checkObject(item, field.item, `${path}.${i}`, report));
  }
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function unknownKey(key: string, known: readonly string[]): string {
  const near = known.find((k) => editDistance(k, key) <= 2);
  return `unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ""}; known keys: ${known.join(", ")}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
