/**
 * Step goals: reached by the student's own schedule in step mode ("make the
 * counter end wrong", "deadlock the two workers"), never by a free run.
 */
import type { Goal } from "../course/lesson";
import type { StepSnapshot } from "./stepper";

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
