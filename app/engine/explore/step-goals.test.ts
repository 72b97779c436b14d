/** Step goals are earned only by the student's own schedule in step mode; a free run never checks them. */
import { describe, expect, it } from "vitest";
import { freeRunGoals, type Goal } from "../course/lesson";
import type { RunOutcome } from "../run";
import { reachedStepGoals, reachedTaskStepGoals, stepRunGoals } from "./step-goals";
import type { StepSnapshot } from "./stepper";
import type { TaskOutcome, TaskStepSnapshot } from "./task-stepper";

const lost: Goal = { id: "step-lost", text: "Lose an update by hand", step: "result", check: "result.lost > 0" };
const stuck: Goal = { id: "step-deadlock", text: "Deadlock them by hand", step: "deadlock", check: "" };
const sawRace: Goal = { id: "saw-race", text: "Lose an update in a run", check: "result.lost > 0" };
const exact: Goal = { id: "exact", text: "Count exactly", check: "result.lost === 0" };
const goals = [sawRace, lost, exact, stuck];

type Stepped = Exclude<StepSnapshot, { status: "off" | "starting" | "refused" }>;

/** A stepped run that has ended: done with `passed` goals, unless `overrides` say otherwise. */
function ended(passed: readonly string[], overrides: Partial<Stepped> = {}): Stepped {
  const outcome: RunOutcome = {
    status: "done",
    result: { lost: 1 },
    goals: goals.filter((g) => g.check !== "").map((g) => ({ id: g.id, passed: passed.includes(g.id) })),
    workers: [],
    bodyMs: 1,
    elapsedMs: 1,
    gilSwitches: 0,
  };
  return {
    status: "ended",
    params: {},
    pending: [],
    options: [],
    taken: [],
    values: [],
    objects: [],
    outcome,
    planned: [],
    byHand: true,
    playing: false,
    nextReads: [],
    last: null,
    deadlocked: false,
    gil: false,
    problem: null,
    capped: null,
    ...overrides,
  };
}

const ids = (list: readonly Goal[]) => list.map((g) => g.id);

describe("which goals each kind of run checks", () => {
  it("a free run checks every goal but the step goals, in the lesson's order", () => {
    expect(ids(freeRunGoals(goals))).toEqual(["saw-race", "exact"]);
  });

  it("a stepped run checks the step goals on a result, and no other goal", () => {
    expect(ids(stepRunGoals(goals))).toEqual(["step-lost"]);
  });
});

describe("the step goals a stepped run has reached", () => {
  it("is the result's step goals that passed, once the student's own schedule has ended", () => {
    expect(ids(reachedStepGoals(ended(["step-lost", "saw-race"]), goals))).toEqual(["step-lost"]);
    expect(reachedStepGoals(ended(["saw-race"]), goals)).toEqual([]);
  });

  it("is the deadlock goals when the student left the workers deadlocked", () => {
    expect(ids(reachedStepGoals(ended(["step-lost"], { deadlocked: true, outcome: null }), goals))).toEqual(["step-deadlock"]);
  });

  it("is none while the run goes on, for a schedule followed rather than made, or for a run that ended in an error", () => {
    expect(reachedStepGoals({ ...ended(["step-lost"]), status: "stepping" }, goals)).toEqual([]);
    expect(reachedStepGoals(ended(["step-lost"], { byHand: false }), goals)).toEqual([]);
    expect(reachedStepGoals(ended(["step-lost"], { byHand: false, deadlocked: true }), goals)).toEqual([]);
    const error: RunOutcome = { status: "error", error: { name: "Error", message: "boom", phase: "worker" }, elapsedMs: 1 };
    expect(reachedStepGoals(ended(["step-lost"], { outcome: error }), goals)).toEqual([]);
  });
});

describe("the step goals a stepped asyncio run has reached", () => {
  const done = (passed: readonly string[]): TaskOutcome => ({ kind: "done", result: { lost: 1 }, goals: goals.map((goal) => ({ goal, passed: passed.includes(goal.id) })), notes: [] });
  const ended = (outcome: TaskOutcome, byHand = true): TaskStepSnapshot => ({
    status: "ended",
    params: {},
    lanes: ["event loop", "main"],
    standing: [],
    steps: [],
    taskSteps: 3,
    offered: [],
    choices: [1],
    plan: null,
    byHand,
    playing: false,
    canUndo: true,
    outcome,
    problem: null,
  });

  it("is the result's step goals that passed, or the deadlock goals, once the student's own schedule has ended", () => {
    expect(ids(reachedTaskStepGoals(ended(done(["step-lost", "saw-race"])), goals))).toEqual(["step-lost"]);
    expect(ids(reachedTaskStepGoals(ended({ kind: "deadlock", message: "Deadlock: ..." }), goals))).toEqual(["step-deadlock"]);
  });

  it("is none for a schedule followed rather than made, or a run that ended in an error", () => {
    expect(reachedTaskStepGoals(ended(done(["step-lost"]), false), goals)).toEqual([]);
    expect(reachedTaskStepGoals(ended({ kind: "error", message: "Error: boom", line: 3 }), goals)).toEqual([]);
  });
});
