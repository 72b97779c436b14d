/** Python's `<` and `==` over queue messages, against what CPython answers for the same values. */
import { describe, expect, it } from "vitest";
import { pythonEqual, pythonLess } from "./python-order";

describe("Python's < and == over messages", () => {
  it("orders numbers and bools as numbers, strings by code point, arrays as tuples", () => {
    expect([pythonLess(1, 2), pythonLess(2, 1.5), pythonLess(true, 2), pythonLess(false, true)]).toEqual([true, false, true, true]);
    // JavaScript's "\uFFFF" < "\u{1F600}" is false: it compares UTF-16 units, and Python code points.
    expect([pythonLess("\uFFFF", "\u{1F600}"), pythonLess("a", "ab"), pythonLess("b", "ab")]).toEqual([true, true, false]);
    expect([pythonLess([1, "b"], [1, "c"]), pythonLess([1], [1, 0]), pythonLess([2], [1, 0]), pythonLess([1, 2], [1, 2])]).toEqual([true, true, false, false]);
  });

  it("compares the first elements that differ by ==, so equal None and dicts never reach <", () => {
    expect(pythonLess([null, 1], [null, 2])).toBe(true);
    expect(pythonLess([{ a: [1] }, 1], [{ a: [1] }, 0])).toBe(false);
    expect(pythonLess([1, { a: 1 }], [1, { a: 1 }])).toBe(false);
  });

  it("raises Python's TypeError for what Python cannot order", () => {
    expect(() => pythonLess([1, { a: 1 }], [1, { a: 2 }])).toThrow(new TypeError("'<' not supported between instances of 'dict' and 'dict'"));
    expect(() => pythonLess(null, 1)).toThrow(new TypeError("'<' not supported between instances of 'NoneType' and 'int'"));
    expect(() => pythonLess("a", 1.5)).toThrow(new TypeError("'<' not supported between instances of 'str' and 'float'"));
    expect(() => pythonLess(1, [1, "a"])).toThrow(new TypeError("'<' not supported between instances of 'int' and 'tuple'"));
  });

  it("== never fails: kinds differ unequal, except a bool and a number; dicts by their keys and values", () => {
    expect([pythonEqual(1, "1"), pythonEqual(null, 0), pythonEqual(true, 1), pythonEqual([1, [true]], [1, [1]])]).toEqual([false, false, true, true]);
    expect([pythonEqual({ a: 1, b: [2] }, { b: [2], a: 1 }), pythonEqual({ a: 1 }, { a: 1, b: 2 }), pythonEqual({ a: 1 }, { b: 1 })]).toEqual([true, false, false]);
  });
});
