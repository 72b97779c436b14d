import { afterEach, describe, expect, it } from "vitest";
import { checkParam, defaultParams, param } from "./params";
import { loadLanguage } from "./i18n/i18n";

afterEach(() => loadLanguage("en"));

describe("parameters", () => {
  const workers = param.int({ default: 2, min: 1, max: 8, label: "Workers" });
  const fix = param.choice(["none", "lock"], { default: "none" });

  it("accepts values in range and the declared options", () => {
    expect(checkParam("workers", workers, 8)).toBeNull();
    expect(checkParam("fix", fix, "lock")).toBeNull();
    expect(defaultParams({ workers, fix })).toEqual({ workers: 2, fix: "none" });
  });

  it("explains what is wrong with a value and what to choose", () => {
    expect(checkParam("workers", workers, 1e12)).toBe("Workers = 1,000,000,000,000 is out of range: choose between 1 and 8.");
    expect(checkParam("workers", workers, 2.5)).toBe("Workers must be a whole number; got 2.5.");
    expect(checkParam("workers", workers, Number.NaN)).toBe("Workers needs a whole number from 1 to 8.");
    expect(checkParam("fix", fix, "atomic")).toBe("fix must be one of none, lock; got atomic.");
  });

  it("explains it in the page's language", async () => {
    await loadLanguage("zh-CN");
    expect(checkParam("workers", workers, 1e12)).toBe("Workers = 1,000,000,000,000 超出范围：请在 1 到 8 之间选择。");
    expect(checkParam("workers", workers, Number.NaN)).toBe("Workers 需要一个 1 到 8 之间的整数。");
  });
});
