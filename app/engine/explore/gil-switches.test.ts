/** Explore under the GIL model, on real Node workers: it says which found schedules CPython's GIL rules out, and only those. */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { loadLanguage } from "../../runtime/i18n/i18n";
import { compileScenario } from "../compile";
import { createNodePool } from "../node-pool";
import { explore } from "./explore";
import { gilNote, gilRuledOutSteps } from "./gil-switches";
import { PointKind } from "../../runtime/gate";

const pool = createNodePool(3);
afterAll(() => pool.close());

/** Two workers, 2 increments each, the update's body as given (line 8 of the source), under `mode`. */
async function search(mode: string, update: string) {
  const compiled = compileScenario(`import { defineScenario } from "interleave";
function pause() {}
export default defineScenario({
  params: {}, workers: 2,
  interpreter: () => ({ mode: "${mode}" }),
  setup: (shared) => ({ c: shared.int("counter") }),
  worker: ({ c }) => {
    for (let i = 0; i < 2; i++) { ${update} }
  },
  result: ({ c }) => c.get(),
});`);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const result = await explore(pool, { js: compiled.js, params: {}, promises: [{ id: "exact", text: "exact", check: "result === 4" }], random: false });
  if (!result.failure) throw new Error("Explore found no failure");
  return result.failure;
}

describe("which schedules CPython's GIL rules out", () => {
  afterEach(() => loadLanguage("en"));

  it("rules out the lost update of a plain read-then-write: the switch falls between the read and the write, on line 8", async () => {
    const failure = await search("gil", "const seen = c.get(); c.set(seen + 1);");
    const ruledOut = gilRuledOutSteps(failure.steps);
    expect(ruledOut.length).toBeGreaterThan(0);
    const held = failure.steps[ruledOut[0]! - 1]!.gilRulesOut!;
    expect(held).toMatchObject({ kind: PointKind.Write, line: 8 });
    expect(failure.gilNote).toMatch(/^CPython's GIL would not allow this schedule: at step \d+, [AB] runs while [AB] is between two steps with no function call and no loop iteration between them \(line 8\)/);
    await loadLanguage("zh-CN");
    expect(gilNote(failure.steps)).toMatch(/^CPython 的 GIL 不允许这个调度：在第 \d+ 步.*[AB] 正处在两步之间（第 8 行）/);
  });

  it("allows the lost update when a function call stands between the read and the write", async () => {
    const failure = await search("gil", "const seen = c.get(); pause(); c.set(seen + 1);");
    expect(gilRuledOutSteps(failure.steps)).toEqual([]);
    expect(failure.gilNote).toBeNull();
  });

  it("says nothing of the GIL for a free-threaded run", async () => {
    const failure = await search("free-threaded", "const seen = c.get(); c.set(seen + 1);");
    expect(gilRuledOutSteps(failure.steps).length).toBeGreaterThan(0);
    expect(failure.gilNote).toBeNull();
  });
});
