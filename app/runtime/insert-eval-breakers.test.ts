import { describe, expect, it } from "vitest";
import { insertEvalBreakers } from "./insert-eval-breakers";

/** Runs instrumented code with a breaker that logs, so a test can see where the points fell. */
function runLogged(js: string): string[] {
  const log: string[] = [];
  const note = (what: string) => log.push(what);
  new Function("__gil", "note", insertEvalBreakers(js))(() => log.push("gil"), note);
  return log;
}

describe("insertEvalBreakers", () => {
  it("puts a point at each function's entry, after its directives", () => {
    expect(insertEvalBreakers('function f() { "use strict"; return 1; }')).toBe('function f() { "use strict";__gil(); return 1; }');
    expect(insertEvalBreakers("const g = (a) => a + 1;")).toBe("const g = (a) => (__gil(), a + 1);");
    expect(insertEvalBreakers("const h = () => ({ a: 1 });")).toBe("const h = () => ((__gil(), { a: 1 }));");
    expect(insertEvalBreakers("const o = { m() { return 2; } };")).toBe("const o = { m() {__gil(); return 2; } };");
  });

  it("puts a point at the start of every loop body, braced or not", () => {
    expect(insertEvalBreakers("for (;;) { x(); }")).toBe("for (;;) {__gil(); x(); }");
    expect(insertEvalBreakers("while (a) b();")).toBe("while (a) {__gil(); b(); }");
    expect(insertEvalBreakers("for (const v of xs) for (const w of v) f(w);")).toBe("for (const v of xs) {__gil(); for (const w of v) {__gil(); f(w); } }");
    expect(insertEvalBreakers("do { x(); } while (y);")).toBe("do {__gil(); x(); } while (y);");
  });

  it("puts none between a read and the write after it, in one statement or straight-line code", () => {
    const js = "let seen = counter.get(); counter.set(seen + 1); counter.set(counter.get() + 1);";
    expect(insertEvalBreakers(js)).toBe(js);
  });

  it("keeps every line where it was", () => {
    const js = "function f(a) {\n  for (let i = 0; i < a; i++)\n    g(i);\n  return () =>\n    a;\n}\n";
    const out = insertEvalBreakers(js);
    expect(out.split("\n").length).toBe(js.split("\n").length);
    expect(out.split("\n").map((line) => line.replace(/__gil\(\);? ?|\(__gil\(\), |[{}) ]/g, ""))).toEqual(js.split("\n").map((line) => line.replace(/[{}) ]/g, "")));
  });

  it("changes what the code does only by the calls it adds: one per iteration and one per function entry", () => {
    const log = runLogged(`
      function add(a, b) { note("add"); return a + b; }
      let total = 0;
      for (let i = 0; i < 3; i++) total = add(total, i);
      let k = 0;
      while (k < 2) k++;
      note("total " + total + " k " + k);
    `);
    expect(log).toEqual(["gil", "gil", "add", "gil", "gil", "add", "gil", "gil", "add", "gil", "gil", "total 3 k 2"]);
  });

  it("fails loudly on code it cannot parse, rather than running it without points", () => {
    expect(() => insertEvalBreakers("for (;;) {")).toThrow(SyntaxError);
  });
});
