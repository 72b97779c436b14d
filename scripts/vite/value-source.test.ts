/** A value written as JavaScript comes back equal, with what JSON would drop. */
import { expect, it } from "vitest";
import { valueSource } from "./value-source";

const again = (value: unknown): unknown => new Function(`return ${valueSource(value)};`)();

it("writes Maps, undefined values, NaN, the infinities and -0 as themselves", () => {
  const value = { lines: new Map([["goals.0", 12]]), nested: [new Map([["a", { b: undefined }]])], odd: [NaN, Infinity, -Infinity, -0], text: 'quote " and \u2028', none: null, yes: true };
  expect(again(value)).toStrictEqual(value);
});

it("keeps a key named __proto__ as a key, not the object's prototype", () => {
  const value = JSON.parse('{"__proto__": {"polluted": true}}') as object;
  const made = again(value) as object;
  expect(Object.keys(made)).toEqual(["__proto__"]);
  expect(Object.getPrototypeOf(made)).toBe(Object.prototype);
});

it("refuses what it cannot make again, saying what it was", () => {
  expect(() => valueSource({ when: new Date(0) })).toThrow(/cannot write a \[object Date\]/);
});
