import { afterEach, describe, expect, it } from "vitest";
import { loadLanguage } from "../../runtime/i18n/i18n";
import { codeHash, decodeSchedule, encodeSchedule, encodeTaskSchedule, scheduleFor } from "./schedule";

const steps = [0, 0, 0, 1, 1, 0].map((worker) => ({ worker, timeout: false }));

describe("schedule strings", () => {
  afterEach(() => loadLanguage("en"));

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

  it("say what is wrong in Chinese", async () => {
    await loadLanguage("zh-CN");
    expect(decodeSchedule("v1.1a2b3c4d.A99999999")).toEqual({ problem: "这个调度超过 10,000 步，或者某一步的次数为 0。" });
  });

  it("write an asyncio schedule as the loop's choices after a t, runs of nominal ones counted, trailing ones dropped", () => {
    const hash = codeHash("code", { n: 3 });
    expect(encodeTaskSchedule([0, 0, 0, 1, 0, 2, 0, 0], "code", { n: 3 })).toBe(`v1.${hash}.t0*3-1-0-2`);
    expect(encodeTaskSchedule([12, 12], "code", { n: 3 })).toBe(`v1.${hash}.t12-12`);
    // The nominal schedule: every arrival at its time.
    expect(encodeTaskSchedule([0, 0], "code", { n: 3 })).toBe(`v1.${hash}.t`);
    expect(decodeSchedule(`v1.${hash}.t0*3-1-0-2`)).toEqual({ hash, choices: [0, 0, 0, 1, 0, 2] });
    expect(decodeSchedule(`v1.${hash}.t`)).toEqual({ hash, choices: [] });
    expect(scheduleFor(`v1.${hash}.t1`, "code", { n: 3 })).toEqual({ choices: [1] });
    expect(scheduleFor(`v1.${hash}.t1`, "code", { n: 4 })).toEqual({ problem: expect.stringMatching(/^Code changed/) });
  });

  it("refuse a damaged asyncio schedule, saying what it should look like", () => {
    const damaged = { problem: expect.stringContaining("choices are damaged: after the t they should be arrival positions joined by -") };
    for (const text of ["t1--2", "t-1", "t1-", "t2*3", "t0*", "tA3", "t 1"]) expect(decodeSchedule(`v1.1a2b3c4d.${text}`)).toEqual(damaged);
    expect(decodeSchedule("v1.1a2b3c4d.t0*0")).toEqual({ problem: expect.stringContaining("a count of 0") });
    expect(decodeSchedule("v1.1a2b3c4d.t0*99999999")).toEqual({ problem: expect.stringContaining("longer than 10,000 choices") });
    expect(decodeSchedule("v1.1a2b3c4d.t123456789")).toEqual({ problem: expect.stringContaining("a position past that") });
  });
});
