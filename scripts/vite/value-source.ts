/**
 * A value read at build time as the JavaScript expression that makes it
 * again on the page. JSON would do but for what it drops: a Map (a lesson's
 * `lines`) comes back as `new Map([...])`, a key whose value is undefined
 * keeps its key, and NaN and the infinities stay numbers.
 */

// Written `"__proto__": x`, such a key would set the object's prototype instead of being one of its keys.
const key = (name: string) => (name === "__proto__" ? `["__proto__"]` : JSON.stringify(name));

export function valueSource(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value === null || typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (value instanceof Map) return `new Map(${valueSource([...value])})`;
  if (Array.isArray(value)) return `[${value.map(valueSource).join(",")}]`;
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return `{${Object.entries(value).map(([name, item]) => `${key(name)}:${valueSource(item)}`).join(",")}}`;
  }
  throw new Error(`valueSource: cannot write a ${Object.prototype.toString.call(value)} as JavaScript (only plain objects, arrays, Maps and primitives)`);
}
