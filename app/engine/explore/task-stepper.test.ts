/** Step mode over asyncio tasks on real Node workers: the student steps the tasks, picks which reply comes first, follows and leaves a plan. */
import { afterAll, describe, expect, it } from "vitest";
import { createNodePool } from "../node-pool";
import { TaskStepper, type TaskStepSnapshot } from "./task-stepper";
import type { Goal } from "../course/lesson";
import { compileScenario } from "../compile";
import { describeScenario } from "../describe";

const pool = createNodePool(2);
afterAll(() => pool.close());

function scenario(main: string): string {
  return `import { defineAsyncScenario } from "interleave";
export default defineAsyncScenario({
  params: {},
  setup: () => ({ counter: 0, order: [] }),
  main: ${main},
  result: (state) => state,
});`;
}

const lostUpdate = scenario(`async (state, loop) => {
  const add = async () => {
    const seen = state.counter;
    await loop.io(0.1);
    state.counter = seen + 1;
  };
  await loop.gather([add, add]);
}`);
const bothCounted: Goal = { id: "both", text: "both updates are counted", check: "result.counter === 2" };

const fastFirst = scenario(`async (state, loop) => {
  const fetch = (name, seconds) => async () => { await loop.io(seconds); state.order.push(name); };
  await loop.gather([fetch("slow", 0.2), fetch("fast", 0.1)]);
}`);
const handledFast: Goal = { id: "fast", text: "the fast reply is handled first", check: 'result.order[0] === "fast"' };

function open(snapshot: TaskStepSnapshot) {
  if (snapshot.status !== "stepping" && snapshot.status !== "ended") throw new Error(`not stepping: ${JSON.stringify(snapshot)}`);
  return snapshot;
}

/** Waits until both of the pool's workers have loaded: a fresh one, replacing a stuck one, takes seconds to, which the short limit would count. */
async function warmPool(source: string): Promise<void> {
  const compiled = compileScenario(source);
  if (!compiled.ok) throw new Error(compiled.error.message);
  await Promise.all([describeScenario(pool, compiled.js, 30_000), describeScenario(pool, compiled.js, 30_000)]);
}

async function stepper(source: string, goals: Goal[] = [], limitMs?: number): Promise<TaskStepper> {
  const made = new TaskStepper(pool, limitMs);
  await made.start({ source, params: {}, goals });
  return made;
}

describe("task step mode", () => {
  it("starts before main's first step, then steps one task step at a time, saying where each task stands", async () => {
    const s = await stepper(lostUpdate);
    expect(open(s.getSnapshot())).toMatchObject({ status: "stepping", lanes: ["event loop", "main"], standing: ["ready to start"], taskSteps: 0, steps: [], canUndo: false });
    await s.next();
    await s.next();
    const now = open(s.getSnapshot());
    expect(now.lanes).toEqual(["event loop", "main", "Task-1", "Task-2"]);
    expect(now.standing).toEqual(["awaits a gather of task Task-1, task Task-2", "awaits I/O of 0.1 s", "ready to start"]);
    expect(now.steps.map((step) => [step.lane, step.words])).toEqual([
      [1, "starts, awaits a gather of task Task-1, task Task-2"],
      [2, "starts, awaits I/O of 0.1 s"],
    ]);
    // The I/O awaited on line 8 of the scenario, in virtual time.
    expect(now.steps[1]).toMatchObject({ line: 8, at: 0, preemption: false });
    expect(now).toMatchObject({ taskSteps: 2, offered: [], canUndo: true });
    await s.next();
    expect(open(s.getSnapshot())).toMatchObject({ taskSteps: 3, offered: [] });
    // No task is ready and both replies are out: the next click stops where the loop chooses, before any step.
    await s.next();
    expect(open(s.getSnapshot())).toMatchObject({ taskSteps: 3, offered: [{ preemption: false }, { preemption: true }] });
    // The nominal reply arrives at its time; Task-2's, due then too, is the next choice.
    await s.next();
    const next = open(s.getSnapshot());
    expect(next.steps.at(-1)).toEqual({ lane: 0, words: "Task-1's I/O of 0.1 s completes", line: 0, at: 0.1, preemption: false });
    expect(next.offered[0]).toEqual({ words: "Task-2's I/O of 0.1 s completes", preemption: false });
    s.close();
  });

  it("offers the replies' order where the loop has a choice; the out-of-order one is a preemption, and Undo comes back to the choice", async () => {
    const s = await stepper(lostUpdate, [bothCounted]);
    while (open(s.getSnapshot()).offered.length === 0) await s.next();
    const atChoice = open(s.getSnapshot());
    expect(atChoice.taskSteps).toBe(3);
    expect(atChoice.offered).toEqual([
      { words: "Task-1's I/O of 0.1 s completes", preemption: false },
      { words: "Task-2's I/O of 0.1 s completes first, sooner than its time", preemption: true },
    ]);
    await s.choose(1);
    const chosen = open(s.getSnapshot());
    expect(chosen.choices).toEqual([1]);
    expect(chosen.steps.at(-1)).toEqual({ lane: 0, words: "Task-2's I/O of 0.1 s completes first, sooner than its time", line: 0, at: 0, preemption: true });
    expect(chosen.byHand).toBe(true);
    // Task-2 is woken, and Task-1's reply is still due later: whether it too comes early is the next choice.
    expect(chosen).toMatchObject({ taskSteps: 3, offered: [{ words: "runs the ready tasks", preemption: false }, { words: "Task-1's I/O of 0.1 s completes first, sooner than its time", preemption: true }] });
    await s.next();
    expect(open(s.getSnapshot())).toMatchObject({ choices: [1, 0], taskSteps: 4, offered: [] });
    expect(open(s.getSnapshot()).steps.at(-1)).toMatchObject({ lane: 3, words: "ends", at: 0 });
    await s.undo();
    expect(open(s.getSnapshot())).toMatchObject({ choices: [1], offered: chosen.offered });
    await s.undo();
    expect(open(s.getSnapshot())).toMatchObject({ choices: [], taskSteps: 3, offered: atChoice.offered });
    await s.choose(1);
    await s.runToEnd();
    const ended = open(s.getSnapshot());
    // Either order loses an update: each task wrote what it read before its await.
    expect(ended).toMatchObject({ status: "ended", standing: [], offered: [] });
    expect(ended.outcome).toMatchObject({ kind: "done", result: { counter: 1 }, goals: [{ goal: bothCounted, passed: false }], notes: [] });
    await s.restart();
    expect(open(s.getSnapshot())).toMatchObject({ status: "stepping", taskSteps: 0, choices: [], canUndo: false });
    s.close();
    expect(s.getSnapshot()).toEqual({ status: "off" });
  });

  it("follows a plan: Next takes the plan's arrival, Play runs it to its failure, and another arrival takes over", async () => {
    const s = new TaskStepper(pool);
    const request = { source: fastFirst, params: {}, goals: [handledFast] };
    await s.start(request, [1]);
    expect(open(s.getSnapshot()).plan).toEqual({ next: 1, steps: 6 });
    await s.play(0);
    const played = open(s.getSnapshot());
    expect(played).toMatchObject({ status: "ended", byHand: false, taskSteps: 6 });
    expect(played.choices[0]).toBe(1);
    expect(played.plan).toEqual({ next: 0, steps: 6 });
    expect(played.outcome).toMatchObject({ kind: "done", result: { order: ["slow", "fast"] }, goals: [{ passed: false }] });

    // Going to the failure lands where Play ended.
    await s.start(request, [1], "end");
    expect(open(s.getSnapshot())).toMatchObject({ status: "ended", taskSteps: 6, outcome: played.outcome });

    // Taking over after main and both fetches began: at the plan's choice, the student keeps the nominal order.
    await s.start(request, [1], 3);
    expect(open(s.getSnapshot())).toMatchObject({ taskSteps: 3, offered: [], plan: { next: 1 }, canUndo: true });
    await s.next();
    expect(open(s.getSnapshot())).toMatchObject({ taskSteps: 3, plan: { next: 1 } });
    expect(open(s.getSnapshot()).offered).toHaveLength(2);
    await s.choose(0);
    expect(open(s.getSnapshot())).toMatchObject({ plan: null, byHand: true });
    await s.runToEnd();
    expect(open(s.getSnapshot()).outcome).toMatchObject({ kind: "done", result: { order: ["fast", "slow"] }, goals: [{ passed: true }] });
    // Undo entered mid-plan goes back one task step at a time.
    await s.start(request, [1], 2);
    await s.undo();
    expect(open(s.getSnapshot())).toMatchObject({ taskSteps: 1, choices: [] });
    s.close();
  });

  it("ends with the loop's deadlock verdict, saying what each task waits for", async () => {
    const s = await stepper(scenario(`async (state, loop) => { const lock = loop.lock("L"); await lock.acquire(); await lock.acquire(); }`));
    await s.runToEnd();
    expect(open(s.getSnapshot()).outcome).toEqual({
      kind: "deadlock",
      message: "Deadlock: no task is ready, and no timer or I/O is pending, so nothing can wake them: main waits for lock L.",
    });
    s.close();
  });

  it("ends with an error and its line as soon as the step that throws has run", async () => {
    const s = await stepper(scenario(`async (state, loop) => {
  await loop.sleep(1);
  throw new RangeError("too far");
}`));
    await s.next();
    expect(open(s.getSnapshot())).toMatchObject({ status: "stepping", outcome: null });
    await s.next();
    expect(open(s.getSnapshot())).toMatchObject({ status: "ended", taskSteps: 2, outcome: { kind: "error", message: "RangeError: too far", line: 7 } });
    s.close();
  });

  it("says a task that never awaits holds the loop, and steps again after Undo on a fresh runner", async () => {
    const source = scenario(`async (state, loop) => { await loop.sleep(1); for (;;) {} }`);
    const s = await stepper(source, [], 1500);
    // Said at once, after the step before the one that never awaits.
    await s.next();
    expect(open(s.getSnapshot())).toMatchObject({ status: "ended", taskSteps: 1, problem: "A task ran 1.5 s without awaiting or ending, so no other task could run: look for a loop without an await." });
    await warmPool(source);
    await s.undo();
    expect(open(s.getSnapshot())).toMatchObject({ status: "stepping", taskSteps: 0, problem: null });
    s.close();
  });

  it("refuses code that does not compile, or cannot set up, with its message", async () => {
    const s = new TaskStepper(pool);
    await s.start({ source: "export default {", params: {}, goals: [] });
    expect(s.getSnapshot()).toMatchObject({ status: "refused" });
    await s.start({ source: lostUpdate.replace("setup: () => ({", 'setup: () => { throw new Error("no setup"); }, unused: () => ({'), params: {}, goals: [] });
    expect(s.getSnapshot()).toEqual({ status: "refused", message: expect.stringMatching(/^Error: no setup/) });
  });
});
