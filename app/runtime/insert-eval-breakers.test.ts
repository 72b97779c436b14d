import { describe, expect, it } from "vitest";
import { insertEvalBreakers } from "./insert-eval-breakers";
import { breakers, loopPosition, setEvalBreaker } from "./eval-breaker";

/**
 * Runs instrumented code with the runtime's breakers, logging each eval-breaker
 * point, and what `note` and `where` say: the latter the loop run the code is
 * in (numbered as first seen) and that run's iteration.
 */
function runLogged(js: string, followLoops: boolean): string[] {
  const log: string[] = [];
  const runs: number[] = [];
  const where = () => {
    const { loop, iteration } = loopPosition;
    if (loop !== 0 && !runs.includes(loop)) runs.push(loop);
    log.push(loop === 0 ? "outside" : `loop ${runs.indexOf(loop) + 1} #${iteration}`);
  };
  setEvalBreaker(() => log.push("gil"));
  try {
    new Function("__gil", "note", "where", insertEvalBreakers(js, followLoops))(breakers, (what: string) => log.push(what), where);
  } finally {
    setEvalBreaker(null);
  }
  return log;
}

const WRAP = "{const __loop = __gil.enterLoop(); try { ";
const UNWRAP = " } finally { __gil.leaveLoop(__loop); }}";

const free = (js: string) => insertEvalBreakers(js, false);
const gated = (js: string) => insertEvalBreakers(js, true);

describe("insertEvalBreakers", () => {
  it("puts a point at each function's entry, after its directives", () => {
    expect(free('function f() { "use strict"; return 1; }')).toBe('function f() { "use strict";__gil.point(); return 1; }');
    expect(free("const g = (a) => a + 1;")).toBe("const g = (a) => (__gil.point(), a + 1);");
    expect(free("const h = () => ({ a: 1 });")).toBe("const h = () => ((__gil.point(), { a: 1 }));");
    expect(gated("const o = { m() { return 2; } };")).toBe("const o = { m() {__gil.point(); return 2; } };");
  });

  it("puts a point at the start of every loop body, braced or not", () => {
    expect(free("for (;;) { x(); }")).toBe("for (;;) {__gil.point(); x(); }");
    expect(free("while (a) b();")).toBe("while (a) {__gil.point(); b(); }");
    expect(free("for (const v of xs) for (const w of v) f(w);")).toBe("for (const v of xs) {__gil.point(); for (const w of v) {__gil.point(); f(w); } }");
    expect(free("do { x(); } while (y);")).toBe("do {__gil.point(); x(); } while (y);");
  });

  it("for a gated run, counts each loop's iterations and wraps the loop to know when it is left", () => {
    expect(gated("for (;;) { x(); }")).toBe(`${WRAP}for (;;) {__gil.iterate(); x(); }${UNWRAP}`);
    expect(gated("while (a) b();")).toBe(`${WRAP}while (a) {__gil.iterate(); b(); }${UNWRAP}`);
    expect(gated("for (const v of xs) for (const w of v) f(w);")).toBe(
      `${WRAP}for (const v of xs) {__gil.iterate(); ${WRAP}for (const w of v) {__gil.iterate(); f(w); }${UNWRAP} }${UNWRAP}`,
    );
    expect(gated("do { x(); } while (y);")).toBe(`${WRAP}do {__gil.iterate(); x(); } while (y);${UNWRAP}`);
    expect(gated("function f(){while(x){}}")).toBe(`function f(){__gil.point();${WRAP}while(x){__gil.iterate();}${UNWRAP}}`);
  });

  it("wraps a labelled loop with its labels, so that continue still names the loop", () => {
    expect(gated("a: b: for (;;) { continue a; }")).toBe(`${WRAP}a: b: for (;;) {__gil.iterate(); continue a; }${UNWRAP}`);
  });

  it("puts none between a read and the write after it, in one statement or straight-line code", () => {
    const js = "let seen = counter.get(); counter.set(seen + 1); counter.set(counter.get() + 1);";
    expect(free(js)).toBe(js);
    expect(gated(js)).toBe(js);
  });

  it("keeps every line where it was", () => {
    const js = "function f(a) {\n  for (let i = 0; i < a; i++)\n    g(i);\n  return () =>\n    a;\n}\n";
    const added = /__gil\.\w+\(\);? ?|\(__gil\.point\(\), |\{const __loop = __gil\.enterLoop\(\); try \{|\} finally \{ __gil\.leaveLoop\(__loop\); \}\}|[{}) ]/g;
    for (const out of [free(js), gated(js)]) {
      expect(out.split("\n").length).toBe(js.split("\n").length);
      expect(out.split("\n").map((line) => line.replace(added, ""))).toEqual(js.split("\n").map((line) => line.replace(/[{}) ]/g, "")));
    }
  });

  it("changes what the code does only by the calls it adds: one per iteration and one per function entry", () => {
    const js = `
      function add(a, b) { note("add"); return a + b; }
      let total = 0;
      for (let i = 0; i < 3; i++) total = add(total, i);
      let k = 0;
      while (k < 2) k++;
      note("total " + total + " k " + k);
    `;
    const expected = ["gil", "gil", "add", "gil", "gil", "add", "gil", "gil", "add", "gil", "gil", "total 3 k 2"];
    expect(runLogged(js, false)).toEqual(expected);
    expect(runLogged(js, true)).toEqual(expected);
  });

  it("knows, at each point of a gated run, the innermost loop running: left by its end, a break, a return or a throw, the loop outside is again", () => {
    const log = runLogged(
      `
      function find() { for (;;) { where(); return 1; } }
      outer: for (let i = 0; i < 2; i++) {
        where();
        for (let j = 0; j < 5; j++) { if (j === 1) continue outer; where(); }
      }
      where();
      for (;;) { try { while (true) throw new Error("out"); } catch { where(); } find(); where(); break; }
      where();
    `,
      true,
    ).filter((entry) => entry !== "gil");
    expect(log).toEqual(["loop 1 #1", "loop 2 #1", "loop 1 #2", "loop 3 #1", "outside", "loop 4 #1", "loop 5 #1", "loop 4 #1", "outside"]);
  });

  it("fails loudly on code it cannot parse, rather than running it without points", () => {
    expect(() => free("for (;;) {")).toThrow(SyntaxError);
  });
});
