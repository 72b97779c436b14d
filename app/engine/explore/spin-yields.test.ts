/**
 * Fair scheduling on real Node workers: only a loop that came round is a
 * spin. A worker that reads one object twice in straight-line code is not
 * spinning, and making it yield there prunes real schedules (and ends the
 * every-order phase), so a bug that needs it to go on is missed.
 */
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario } from "../compile";
import { createNodePool } from "../node-pool";
import { explore, type ExploreRequest } from "./explore";

const pool = createNodePool(2);
afterAll(() => pool.close());

function search(worker: string, helpers = ""): ExploreRequest {
  const compiled = compileScenario(`import { defineScenario } from "interleave";
${helpers}
export default defineScenario({
  params: {},
  workers: 2,
  setup: (shared) => ({ go: shared.event("go"), x: shared.int("x"), done: shared.int("done"), flag: shared.int("flag"), lock: shared.lock("lock"), inside: shared.int("inside") }),
  worker: ${worker},
  result: () => null,
});`);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return { js: compiled.js, params: {}, promises: [], random: false };
}

/**
 * A lets B go, then takes for granted that B has not finished; B looks at x
 * twice with `between` in between (and the looks, in `around`). B finishing
 * in that gap needs B to go on right after its second look, with A able to
 * move.
 */
const twoLooks = (between: string, { helpers = "", around = (looks: string) => looks } = {}) =>
  search(
    `({ go, x, done }, { id }) => {
      if (id === 0) {
        go.set();
        if (done.get() === 1) throw new Error("B finished before A looked");
        return;
      }
      go.wait();
      let first = 0;
      let second = 0;
      ${around(`first = x.get(); ${between} second = x.get();`)}
      done.set(1 + first + second);
    }`,
    helpers,
  );

const FOUND = { kind: "error", message: expect.stringMatching(/^Error: B finished before A looked/), preemptions: 1 };

describe("fair scheduling's spins", () => {
  it("are not two looks at one object in straight-line code: B is not made to yield, and the bug is found", async () => {
    expect((await explore(pool, twoLooks(""))).failure).toMatchObject(FOUND);
  });

  it("are not two looks with a call between them, even of a function that loops", async () => {
    expect((await explore(pool, twoLooks("pause();", { helpers: "function pause() { for (let i = 0; i < 3; i++) {} }" }))).failure).toMatchObject(FOUND);
  });

  it("are not two looks in one iteration of a loop with another loop between them: that one came round, but not around the looks", async () => {
    const once = (looks: string) => `for (let round = 0; round < 1; round++) { ${looks} }`;
    expect((await explore(pool, twoLooks("for (let i = 0; i < 3; i++) {}", { around: once }))).failure).toMatchObject(FOUND);
  });

  it("are a loop around the look that came round, even when a loop of its own ran before the look: a correct busy-wait is clean", async () => {
    const waiting = search(
      `({ flag, done }, { id }) => {
        if (id === 1) { flag.set(1); return; }
        for (;;) {
          backOff();
          if (flag.get() === 1) break;
        }
        done.set(1);
      }`,
      "function backOff() { for (let i = 0; i < 2; i++) {} }",
    );
    expect(await explore(pool, waiting)).toMatchObject({ failure: null, exhaustive: true });
  });

  it("are a runtime call polled in a loop, which fails without changing anything: spinlocks by a non-blocking acquire and by compareAndSet are clean", async () => {
    const spinlock = (take: string, free: string) =>
      search(`({ lock, flag, inside }) => {
        for (let k = 0; k < 2; k++) {
          while (!${take}) {}
          if (inside.add(1) !== 1) throw new Error("both workers are inside");
          inside.add(-1);
          ${free};
        }
      }`);
    for (const request of [spinlock("lock.acquire({ blocking: false })", "lock.release()"), spinlock("flag.compareAndSet(0, 1)", "flag.set(0)")]) {
      expect(await explore(pool, { ...request, maxPreemptions: 2 })).toMatchObject({ failure: null, exhaustive: true, bound: 2 });
    }
  });
});
