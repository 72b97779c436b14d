import { it } from "vitest";
import { compileScenario } from "../../app/engine/compile";
import { createNodePool } from "../../app/engine/node-pool";
import { explore } from "../../app/engine/explore/explore";
const src = (w: number, body: string) => `import { defineScenario, param } from "interleave";
export default defineScenario({ params: { n: param.int({ default: 3, min: 1, max: 100 }) }, workers: ${w},
  setup: (shared) => ({ c: shared.int("counter"), lock: shared.lock("lock") }),
  worker: ({ c, lock }, { params }) => { for (let i = 0; i < params.n; i++) { ${body} } }, result: ({ c }) => c.get() });`;
it("speed", async () => {
  const pool = createNodePool(3);
  for (const [w, n, body] of [[2, 3, "c.set(c.get() + 1);"], [2, 3, "lock.acquire(); c.set(c.get() + 1); lock.release();"], [3, 2, "lock.acquire(); c.set(c.get() + 1); lock.release();"]] as const) {
    const js = (compileScenario(src(w, body)) as any).js;
    let total = 0, ms = 0;
    for (let k = 0; k < 4; k++) { const t = performance.now(); const r: any = await explore(pool, { js, params: { n }, maxPreemptions: 2, budgetMs: 60000, random: false, cap: 3000 } as any); ms += performance.now() - t; total += r.schedules; }
    console.log(`${w}w n=${n} ${body.slice(0, 12)}: ${total} schedules, ${(total / ms * 1000).toFixed(0)}/s`);
  }
  pool.close();
}, 300000);
