/**
 * Step goals: reached by the student's own schedule in step mode ("make the
 * counter end wrong", "deadlock the two workers"), never by a free run.
 */
import type { Goal } from "../course/lesson";
import type { StepSnapshot } from "./stepper";
import type { TaskStepSnapshot } from "./task-stepper";

/** The step goals whose checks the stepped run evaluates when it ends (deadlock goals need none). */
export function stepRunGoals(goals: readonly Goal[]): Goal[] {
  return goals.filter((goal) => goal.step === "result");
}

/** The step goals the stepped run has reached, once it has ended, if the student made a move of their own. */
export function reachedStepGoals(snapshot: StepSnapshot, goals: readonly Goal[]): Goal[] {
  if (snapshot.status !== "ended" || !snapshot.byHand) return [];
  if (snapshot.deadlocked) return goals.filter((goal) => goal.step === "deadlock");
  const { outcome } = snapshot;
  if (outcome?.status !== "done") return [];
  return stepRunGoals(goals).filter((goal) => outcome.goals.some((o) => o.id === goal.id && o.passed));
}

/** The same for task step mode (task-stepper.ts): its outcome carries the goals checked when main returned. */
export function reachedTaskStepGoals(snapshot: TaskStepSnapshot, goals: readonly Goal[]): Goal[] {
  if (snapshot.status !== "ended" || !snapshot.byHand || snapshot.outcome === null) return [];
  const { outcome } = snapshot;
  if (outcome.kind === "deadlock") return goals.filter((goal) => goal.step === "deadlock");
  if (outcome.kind !== "done") return [];
  return stepRunGoals(goals).filter((goal) => outcome.goals.some((checked) => checked.goal.id === goal.id && checked.passed));
}
