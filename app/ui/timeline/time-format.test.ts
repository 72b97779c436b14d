import { describe, expect, it } from "vitest";
import { formatMs, formatTick, timeTicks } from "./time-format";

describe("time labels", () => {
  it("puts ticks at a round 1-2-5 step at least the minimum gap apart", () => {
    expect(timeTicks(0, 1000, 1000, 90)).toEqual({ step: 100, times: [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000] });
    const { step, times } = timeTicks(3.3, 0.5, 600, 90);
    expect(step).toBeCloseTo(0.1);
    expect(times.length).toBe(6);
    times.forEach((t, i) => expect(t).toBeCloseTo(3.3 + i * 0.1));
  });

  it("labels ticks with the decimals the step needs", () => {
    expect(formatTick(12_500, 500)).toBe("12,500 ms");
    expect(formatTick(3.4, 0.1)).toBe("3.4 ms");
    expect(formatTick(0.05, 0.01)).toBe("0.05 ms");
  });

  it("writes durations in µs, ms or s", () => {
    expect(formatMs(0.0123)).toBe("12 µs");
    expect(formatMs(3.456)).toBe("3.46 ms");
    expect(formatMs(456.7)).toBe("457 ms");
    expect(formatMs(18_555)).toBe("18.55 s");
  });
});
