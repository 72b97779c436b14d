import { afterEach, describe, expect, it } from "vitest";
import { compileScenario, compiledOrRefusal } from "./compile";
import { loadLanguage } from "../runtime/i18n/i18n";

afterEach(() => loadLanguage("en"));

describe("compileScenario", () => {
  it("keeps every line where it was, so stack lines match the editor", () => {
    const source = 'import { param } from "interleave";\n\ninterface X { a: number }\nconst x: X = { a: 1 };\nthrow new Error(String(x.a + param.int.length));\n';
    const compiled = compileScenario(source);
    if (!compiled.ok) throw new Error(compiled.error.message);
    const lines = compiled.js.split("\n");
    expect(lines.findIndex((l) => l.includes("throw new Error"))).toBe(4);
    expect(compiled.js).toContain("require('interleave')");
  });

  it("reports a syntax error with a line and a readable message", () => {
    const compiled = compileScenario("const a = 1;\nlet x = ;\n");
    expect(compiled).toEqual({ ok: false, error: { message: "Syntax error: Unexpected token", line: 2, column: 9 } });
  });

  it("refuses code for step mode and explore with the line of its syntax error", () => {
    expect(compiledOrRefusal("const a = 1;\nlet x = ;\n")).toEqual({ refused: "The code does not compile (line 2): Syntax error: Unexpected token" });
  });

  it("says it in the page's language, the compiler's own words in English", async () => {
    await loadLanguage("zh-CN");
    expect(compiledOrRefusal("const a = 1;\nlet x = ;\n")).toEqual({ refused: "代码无法编译（第 2 行）：语法错误：Unexpected token" });
  });
});
