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

describe("results the page could not take", () => {
  it("names a cycle, where it closes, instead of overflowing the stack", () => {
    const result: Record<string, unknown> = { runs: [{ n: 1 }] };
    (result.runs as Record<string, unknown>[])[0]!.parent = result;
    expect(plainDataProblem(result)).toBe("result.runs[0].parent refers back to result: the result has a cycle, which plain data cannot");
  });

  it("accepts the same object twice where it is no cycle", () => {
    const shared = { n: 1 };
    expect(plainDataProblem({ a: shared, b: [shared, shared] })).toBeNull();
  });

  it("refuses a result of more than 1 MB as JSON, with its size", () => {
    expect(plainDataProblem({ log: "x".repeat(50_000_000) })).toMatch(/^result is 50\.0 MB as JSON, and the page takes at most 1\.0 MB: /);
    expect(plainDataProblem({ log: "x".repeat(900_000) })).toBeNull();
  });
});
