import { describe, expect, it } from "vitest";
import { codeHash, decodeSchedule, encodeSchedule } from "./schedule";

const steps = [0, 0, 0, 1, 1, 0].map((worker) => ({ worker, timeout: false }));

describe("schedule strings", () => {
  it("encode runs of one worker with counts, tied to the code and parameters", () => {
    const text = encodeSchedule([...steps, { worker: 2, timeout: true }], "code", { n: 3 });
    expect(text).toBe(`v1.${codeHash("code", { n: 3 })}.A3B2Ac`);
    expect(decodeSchedule(text)).toEqual({ hash: codeHash("code", { n: 3 }), steps: [...steps, { worker: 2, timeout: true }] });
  });

  it("hash the code and the parameters, whatever the parameters' order", () => {
    expect(codeHash("code", { a: 1, b: "x" })).toBe(codeHash("code", { b: "x", a: 1 }));
    expect(codeHash("code", { a: 1 })).not.toBe(codeHash("code", { a: 2 }));
    expect(codeHash("code ", { a: 1 })).not.toBe(codeHash("code", { a: 1 }));
  });

  it("refuse malformed, truncated, foreign and absurd strings with a message that says what to do", () => {
    expect(decodeSchedule("hello")).toEqual({ problem: expect.stringContaining("This is not a schedule") });
    expect(decodeSchedule("v2.1a2b3c4d.A3")).toEqual({ problem: expect.stringContaining('format "v2"') });
    expect(decodeSchedule("v1.1a2b3c.A3")).toEqual({ problem: expect.stringContaining("code hash is damaged") });
    expect(decodeSchedule("v1.1a2b3c4d.A3B2Z")).toEqual({ problem: expect.stringContaining("steps are damaged") });
    expect(decodeSchedule("v1.1a2b3c4d.")).toEqual({ problem: expect.stringContaining("steps are damaged") });
    expect(decodeSchedule("v1.1a2b3c4d.A99999999")).toEqual({ problem: expect.stringContaining("longer than 10,000 steps") });
    expect(decodeSchedule("v1.1a2b3c4d.A0")).toEqual({ problem: expect.stringContaining("step count of 0") });
  });
});
