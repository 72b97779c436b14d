/** Step mode on real Node workers: the student, as scheduler, forces the lost update by hand; Undo replays exactly. */
import { afterAll, describe, expect, it } from "vitest";
import { createNodePool } from "../node-pool";
import { PointKind } from "../../runtime/gate";
import { elementIndex } from "../../runtime/shared-array";
import { controllerCalls } from "./controller-calls";
import { Stepper, type StepSnapshot } from "./stepper";
import { gilKeeps } from "./gil-switches";
import { TurnState } from "../../runtime/turnstile";

const pool = createNodePool(2);
afterAll(() => pool.close());

const source = `import { defineScenario, param } from "interleave";
export default defineScenario({
  params: { n: param.int({ default: 1, min: 1, max: 10 }) },
  workers: 2,
  setup: (shared) => ({ c: shared.int("counter") }),
  worker: ({ c }, { params }) => {
    for (let i = 0; i < params.n; i++) {
      const seen = c.get();
      c.set(seen + 1);
    }
  },
  result: ({ c }) => ({ counter: c.get() }),
});`;

const arraySource = `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: (shared) => ({ flags: shared.array("flags", 2) }),
  worker: ({ flags }, { id }) => {
    flags.compareAndSet(id, 0, id + 1);
  },
  result: ({ flags }) => flags.toArray(),
});`;

const A = { worker: 0, timeout: false };
const B = { worker: 1, timeout: false };

function stepping(snapshot: StepSnapshot) {
  if (snapshot.status !== "stepping" && snapshot.status !== "ended") throw new Error(`not stepping: ${snapshot.status}`);
  return snapshot;
}

async function until(stepper: Stepper, done: (s: StepSnapshot) => boolean): Promise<StepSnapshot> {
  for (let i = 0; i < 200 && !done(stepper.getSnapshot()); i++) await new Promise((r) => setTimeout(r, 10));
  return stepper.getSnapshot();
}

describe("step mode", () => {
  it("says, under the GIL, when only the last worker could move in CPython, and which step took the GIL where CPython never would", async () => {
    const stepper = new Stepper(pool, controllerCalls());
    const underGil = source.replace("workers: 2,", 'workers: 2, interpreter: () => ({ mode: "gil" }),');
    await stepper.start({ source: underGil, params: { n: 1 }, goals: [] });
    for (const move of [A, B, A]) await stepper.step(move); // A has read, and is about to write
    let now = stepping(stepper.getSnapshot());
    expect(now.gil).toBe(true);
    expect(gilKeeps(now.last, now.pending)).toMatchObject({ worker: 0, kind: PointKind.Write, line: 9 });
    await stepper.step(B); // B reads between A's read and write
    now = stepping(stepper.getSnapshot());
    expect(now.last!.gilRulesOut).toMatchObject({ worker: 0, kind: PointKind.Write });
    await stepper.step(B); // B writes: its own steps with no switch point between are no switch
    now = stepping(stepper.getSnapshot());
    expect(now.last!.gilRulesOut).toBeNull();
    expect(gilKeeps(now.last, now.pending)).toBeNull(); // B's loop begins its next iteration or ends: CPython may switch
    stepper.close();
  });

  it("never makes a non-blocking acquire wait: on a held lock it fails at once, with no wake-up or timeout to choose, as in Python", async () => {
    const stepper = new Stepper(pool, controllerCalls());
    const nonBlocking = `import { defineScenario } from "interleave";
export default defineScenario({
  params: {},
  workers: 2,
  setup: (shared) => ({ lock: shared.lock("lock"), got: shared.int("got", -1) }),
  worker: ({ lock, got }, { id }) => {
    if (id === 0) { lock.acquire(); lock.release(); return; }
    got.set(lock.acquire({ blocking: false }) ? 1 : 0);
  },
  result: ({ got }) => got.get(),
});`;
    await stepper.start({ source: nonBlocking, params: {}, goals: [] });
    for (const move of [A, A, B, B]) await stepper.step(move); // A starts and takes the lock; B starts, then tries it
    const now = stepping(stepper.getSnapshot());
    expect(now.last).toMatchObject({ worker: 1, kind: PointKind.Acquire, blocks: false });
    expect(now.pending[1]).toMatchObject({ state: TurnState.AtPoint, kind: PointKind.Write }); // B goes on to record its failure
    expect(now.options.filter((o) => o.worker === 1)).toEqual([B]);
    await stepper.runToEnd();
    expect(stepping(await until(stepper, (s) => s.status === "ended" && s.outcome !== null)).outcome).toMatchObject({ status: "done", result: 0 });
    stepper.close();
  });

  it("says when Run to end stops at its cap with the workers still going, and goes on from there when pressed again", async () => {
    const stepper = new Stepper(pool, controllerCalls());
    const long = source.replace("max: 10", "max: 10000");
    await stepper.start({ source: long, params: { n: 3000 }, goals: [] });
    await stepper.runToEnd();
    let now = stepping(stepper.getSnapshot());
    expect(now.status).toBe("stepping");
    expect(now.taken).toHaveLength(10_000);
    expect(now.capped).toMatch(/^Run to end stopped after 10,000 steps, and the workers have not finished\. Press it again/);
    await stepper.runToEnd();
    now = stepping(await until(stepper, (s) => s.status === "ended" && s.outcome !== null));
    expect(now.capped).toBeNull();
    expect(now.outcome).toMatchObject({ status: "done" });
    stepper.close();
  });

  it("lets the student interleave two read-then-write increments into a lost update, showing each next operation and its line", async () => {
    const stepper = new Stepper(pool, controllerCalls());
    await stepper.start({ source, params: { n: 1 }, goals: [] });
    let now = stepping(stepper.getSnapshot());
    expect(now.options).toEqual([A, B]);
    for (const move of [A, B]) await stepper.step(move); // both start and stop before reading
    now = stepping(stepper.getSnapshot());
    expect(now.pending.map((p) => [p.kind, p.line])).toEqual([[PointKind.Read, 8], [PointKind.Read, 8]]);
    expect(now.nextReads).toEqual([0, 0]); // what each read will see
    for (const move of [A, B]) await stepper.step(move); // both read 0
    now = stepping(stepper.getSnapshot());
    expect(now.pending.map((p) => [p.kind, p.line])).toEqual([[PointKind.Write, 9], [PointKind.Write, 9]]);
    for (const move of [A, B, A, B]) await stepper.step(move); // both write 1, then end
    const ended = await until(stepper, (s) => s.status === "ended" && s.outcome !== null);
    expect(stepping(ended).outcome).toMatchObject({ status: "done", result: { counter: 1 } });
    stepper.close();
  });

  it("shows a compare-and-set on an array element: the element's word, its value before and after, and the array in the shared values", async () => {
    const stepper = new Stepper(pool, controllerCalls());
    await stepper.start({ source: arraySource, params: {}, goals: [] });
    for (const move of [A, A]) await stepper.step(move); // A starts, then compares-and-sets flags[0]
    const now = stepping(stepper.getSnapshot());
    const flags = now.objects.find((o) => o.name === "flags")!;
    expect(now.last).toMatchObject({ worker: 0, kind: PointKind.CompareAndSet, object: elementIndex(flags.index, 0), before: 0, value: 1 });
    expect(now.values).toEqual([{ name: "flags", kind: "array", value: "[1, 0]" }]);
    stepper.close();
  });

  it("undoes the last step by replaying the ones before it", async () => {
    const stepper = new Stepper(pool, controllerCalls());
    await stepper.start({ source, params: { n: 1 }, goals: [] });
    for (const move of [A, A, B]) await stepper.step(move);
    await stepper.undo();
    const now = stepping(stepper.getSnapshot());
    expect(now.taken).toEqual([A, A]);
    expect(now.pending[0]!.kind).toBe(PointKind.Write);
    expect(now.values).toEqual([{ name: "counter", kind: "int", value: 0 }]);
    stepper.close();
  });

  it("follows a schedule step by step, and drops it when the student moves another worker", async () => {
    const stepper = new Stepper(pool, controllerCalls());
    await stepper.start({ source, params: { n: 1 }, goals: [] }, [], [A, A, B, B]);
    expect(stepping(stepper.getSnapshot())).toMatchObject({ taken: [], planned: [A, A, B, B], byHand: false });
    await stepper.follow();
    await stepper.follow();
    let now = stepping(stepper.getSnapshot());
    expect(now).toMatchObject({ taken: [A, A], planned: [B, B], byHand: false });
    expect(now.last).toMatchObject({ worker: 0, kind: PointKind.Read, value: 0 });
    await stepper.undo();
    expect(stepping(stepper.getSnapshot())).toMatchObject({ taken: [A], planned: [A, B, B] });
    await stepper.step(A); // the schedule's own next move, by the button: still following
    expect(stepping(stepper.getSnapshot())).toMatchObject({ taken: [A, A], planned: [B, B], byHand: false });
    await stepper.undo();
    await stepper.step(B);
    now = stepping(stepper.getSnapshot());
    expect(now).toMatchObject({ taken: [A, B], planned: [], byHand: true });
    expect(await stepper.follow()).toBe(false);
    await stepper.restart();
    expect(stepping(stepper.getSnapshot())).toMatchObject({ taken: [], planned: [A, A, B, B], byHand: false });
    stepper.close();
  });

  it("opens at the end of a schedule, and Undo steps back along it", async () => {
    const stepper = new Stepper(pool, controllerCalls());
    await stepper.start({ source, params: { n: 1 }, goals: [] }, [A, B, A, B]);
    expect(stepping(stepper.getSnapshot())).toMatchObject({ taken: [A, B, A, B], planned: [], byHand: false });
    await stepper.undo();
    expect(stepping(stepper.getSnapshot())).toMatchObject({ taken: [A, B, A], planned: [B], byHand: false });
    stepper.close();
  });

  it("runs to the end, and replays for Undo, in one call to the controller each", async () => {
    const calls = controllerCalls();
    let messages = 0;
    const counted = {
      speak: calls.speak,
      begin: calls.begin,
      moves: (moves: readonly (typeof A)[]) => (messages++, calls.moves(moves)),
      toEnd: () => (messages++, calls.toEnd()),
    };
    const stepper = new Stepper(pool, counted);
    await stepper.start({ source, params: { n: 3 }, goals: [] });
    await stepper.runToEnd();
    const ended = await until(stepper, (s) => s.status === "ended" && s.outcome !== null);
    expect(stepping(ended).outcome).toMatchObject({ status: "done", result: { counter: 6 } });
    expect(stepping(ended).taken.length).toBe(14); // each worker: its start, 3 reads and 3 writes
    expect(messages).toBe(1);
    await stepper.undo();
    expect(stepping(stepper.getSnapshot()).taken.length).toBe(stepping(ended).taken.length - 1);
    expect(messages).toBe(2);
    stepper.close();
  });

  it("says why when the run ends before its first step (a setup that throws), instead of starting forever", async () => {
    const stepper = new Stepper(pool, controllerCalls());
    const broken = source.replace('setup: (shared) => ({ c: shared.int("counter") }),', 'setup: () => { throw new Error("no setup today"); },');
    await stepper.start({ source: broken, params: { n: 1 }, goals: [] });
    expect(stepper.getSnapshot()).toEqual({ status: "refused", message: expect.stringContaining("no setup today") });
    expect(stepper.active).toBe(false);
  });
});
