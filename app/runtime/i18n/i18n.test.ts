import { afterEach, describe, expect, it } from "vitest";
import { language, loadLanguage, registerCatalogue, translate } from "./i18n";
import { preferredLanguage } from "./languages";

registerCatalogue("test", { greet: "Hello, {{name}}", only: "English only", runs_one: "{{count}} run", runs_other: "{{count}} runs" }, {
  "zh-CN": async () => ({ default: { greet: "你好，{{name}}", runs_other: "{{count}} 次运行" } }),
});

afterEach(() => loadLanguage("en"));

describe("the realm's messages", () => {
  it("speaks English until another language is loaded, then that language, with English for its gaps", async () => {
    expect(translate("test", "greet", { name: "A" })).toBe("Hello, A");
    expect(translate("test", "runs", { count: 1 })).toBe("1 run");
    expect(translate("test", "runs", { count: 3 })).toBe("3 runs");
    await loadLanguage("zh-CN");
    expect(language()).toBe("zh-CN");
    expect(translate("test", "greet", { name: "A" })).toBe("你好，A");
    expect(translate("test", "runs", { count: 1 })).toBe("1 次运行");
    expect(translate("test", "only")).toBe("English only");
  });

  it("leaves interpolated values as they are (no HTML escaping: messages are text)", () => {
    expect(translate("test", "greet", { name: "<b>&" })).toBe("Hello, <b>&");
  });
});

describe("the browser's preference", () => {
  it("reads any Chinese as zh-CN, English as English, and the first match wins", () => {
    expect(preferredLanguage(["zh-TW", "en"])).toBe("zh-CN");
    expect(preferredLanguage(["zh"])).toBe("zh-CN");
    expect(preferredLanguage(["en-GB", "zh-CN"])).toBe("en");
    expect(preferredLanguage(["fr", "de"])).toBe("en");
    expect(preferredLanguage(["fr", "zh-Hans-CN"])).toBe("zh-CN");
  });
});
