import { afterEach, describe, expect, it } from "vitest";
import { brief } from "./brief";
import { loadLanguage } from "../runtime/i18n/i18n";

afterEach(() => loadLanguage("en"));

describe("brief", () => {
  it("keeps a short result whole", () => {
    expect(brief({ lost: 2, expected: 6 })).toBe('{"lost":2,"expected":6}');
  });

  it("cuts a long result after a whole field, marked apart from the JSON", () => {
    const result = { counts: Array.from({ length: 10 }, (_, i) => i), elapsedMs: 10.25, after: "x" };
    const text = brief(result, 40);
    expect(text).toBe('{"counts":[0,1,2,3,4,5,6,7,8,9] … (cut)');
    expect(brief({ a: 1, elapsedMs: 1234.5678 }, 20)).toBe('{"a":1 … (cut)');
  });

  it("marks the cut in the page's language", async () => {
    await loadLanguage("zh-CN");
    expect(brief({ a: 1, elapsedMs: 1234.5678 }, 20)).toBe('{"a":1 …（已截断）');
  });
});
