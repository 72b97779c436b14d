import { describe, expect, it } from "vitest";
import { plainDataProblem } from "./plain-data";

describe("plain result data", () => {
  it("accepts numbers, strings, booleans, null, arrays and plain objects", () => {
    expect(plainDataProblem({ a: 1, b: "x", c: [true, null, { d: 2.5 }] })).toBeNull();
  });

  it("names the path to anything else", () => {
    expect(plainDataProblem({ lost: 10n })).toBe("result.lost is a bigint");
    expect(plainDataProblem({ list: [1, () => 2] })).toBe("result.list[1] is a function");
    expect(plainDataProblem({ when: new Date(0) })).toBe("result.when is a Date");
    expect(plainDataProblem({ n: Number.NaN })).toBe("result.n is NaN");
    expect(plainDataProblem(undefined)).toBe("result is undefined");
  });
});
