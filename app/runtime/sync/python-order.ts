/**
 * Python's `<` and `==` over queue messages, for PriorityQueue: its heap
 * compares items as Python's does, so that items tied on priority are
 * ordered by their data, and what Python cannot order is a TypeError here
 * too.
 *
 * A message is plain data (queue-layout.ts), read as the Python value it
 * stands for: a number or boolean is an int or float (a bool is an int), a
 * string a str, an array a tuple, null None, an object a dict. Arrays
 * compare as CPython compares sequences: the first elements that are not
 * equal (`==`, which never fails) decide by `<`, else the shorter is less.
 * None and dicts have `==` but no `<`.
 */

/** Python's `a < b`; throws TypeError with Python's words when Python would. */
export function pythonLess(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return Number(a) < Number(b);
  if (typeof a === "string" && typeof b === "string") return codePointLess(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    const shorter = Math.min(a.length, b.length);
    for (let i = 0; i < shorter; i++) if (!pythonEqual(a[i], b[i])) return pythonLess(a[i], b[i]);
    return a.length < b.length;
  }
  throw new TypeError(`'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/** Python's `a == b`: never fails; values of different kinds are unequal, except a bool and a number. */
export function pythonEqual(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return Number(a) === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pythonEqual(x, b[i]));
  if (isDict(a) && isDict(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && pythonEqual(a[key], b[key]));
  }
  return a === b;
}

/** Python's name for the type of a message value, as its TypeError says it. */
export function typeName(value: unknown): string {
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (typeof value === "string") return "str";
  if (Array.isArray(value)) return "tuple";
  return value === null ? "NoneType" : "dict";
}

function isNumeric(value: unknown): value is number | boolean {
  return typeof value === "number" || typeof value === "boolean";
}

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Python orders strings by code point; JavaScript's `<` by UTF-16 unit,
 * which puts a character above U+FFFF (two surrogates, 0xD800 to 0xDFFF)
 * before one from U+E000 to U+FFFF. Ranking units so that surrogates come
 * last restores code point order at the first unit that differs.
 */
function codePointLess(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) < unitRank(y);
  }
  return a.length < b.length;
}

function unitRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}
