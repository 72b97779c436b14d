import { afterAll, afterEach, describe, expect, it } from "vitest";
import { compileScenario } from "../../engine/compile";
import { createNodePool } from "../../engine/node-pool";
import { startRun } from "../../engine/run";
import { loadLanguage } from "../i18n/i18n";

// Real Node workers, which load the runtime through sucrase (node-runner-ts.cjs): the zh-CN catalogue is a dynamic import there too.
const pool = createNodePool();
afterAll(() => pool.close());
afterEach(() => loadLanguage("en"));

/** A scenario whose one worker misuses a lock in its body, or whose setup misuses a semaphore (a runner that stays warm). */
function scenario(setup: string, worker: string): string {
  const compiled = compileScenario(`import { defineScenario } from "interleave";
export default defineScenario({ params: {}, workers: 1, setup: ${setup}, worker: ${worker}, result: () => null });`);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.js;
}
const inBody = scenario(`(shared) => ({ lock: shared.lock("L") })`, `({ lock }) => lock.release()`);
const inSetup = scenario(`(shared) => ({ s: shared.semaphore("S", -1) })`, `() => {}`);

async function errorOf(js: string): Promise<string> {
  const outcome = await startRun(pool, { js, params: {}, goals: [] }).outcome;
  if (outcome.status !== "error") throw new Error(`expected an error, got ${JSON.stringify(outcome)}`);
  return outcome.error.message;
}

describe("a runner worker's messages", () => {
  it("speak the language the page speaks when the run starts", async () => {
    expect(await errorOf(inBody)).toBe('Lock "L": release of an unlocked lock. Release only a lock you acquired.');
    await loadLanguage("zh-CN");
    expect(await errorOf(inBody)).toBe('Lock "L"：释放了一把没有上锁的锁。只能释放你获取过的锁。');
  });

  it("go back to English on a worker that spoke Chinese for the run before", async () => {
    await loadLanguage("zh-CN");
    expect(await errorOf(inSetup)).toBe('Semaphore "S"：初始值必须是大于等于 0 的整数；实际传入的是 -1。');
    await loadLanguage("en");
    expect(await errorOf(inSetup)).toBe('Semaphore "S": the initial value must be a whole number >= 0; got -1.');
  });
});
