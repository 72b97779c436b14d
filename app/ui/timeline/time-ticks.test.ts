import { describe, expect, it } from "vitest";
import { timeTicks } from "./time-ticks";

describe("time axis ticks", () => {
  it("puts ticks at a round 1-2-5 step at least the minimum gap apart", () => {
    expect(timeTicks(0, 1000, 1000, 90)).toEqual({ step: 100, times: [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000] });
    const { step, times } = timeTicks(3.3, 0.5, 600, 90);
    expect(step).toBeCloseTo(0.1);
    expect(times.length).toBe(6);
    times.forEach((t, i) => expect(t).toBeCloseTo(3.3 + i * 0.1));
  });
});
