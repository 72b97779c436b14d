/**
 * One lesson, as read from its folder (read-lesson.ts): `lesson.md` (YAML
 * frontmatter, then markdown prose), `scenario.ts` (the starter),
 * `solution.ts`, and `reference.py`. A lesson with problems still has its
 * page, carrying them, so the app can show its errors on its own page and
 * every other lesson. Apart from the reader, so that the page can know what a
 * lesson is without the YAML reader.
 */
import type { GoalCheck } from "../../runtime/protocol";
import type { ChartKind, CHECK_CODES, CHECK_EXPECTATIONS, GIL_VERDICTS, STEP_GOAL_KINDS } from "./shapes";
import type { Problem } from "./problem";
import type { Language } from "../../runtime/i18n/languages";

export type StepGoalKind = (typeof STEP_GOAL_KINDS)[number];

export interface Goal extends GoalCheck {
  readonly text: string;
  /** A step goal, reached by the student's own schedule in step mode (shapes.ts, STEP_GOAL_KINDS). */
  readonly step?: StepGoalKind;
}

/** The goals a free run can meet. */
export function freeRunGoals(goals: readonly Goal[]): Goal[] {
  return goals.filter((goal) => goal.step === undefined);
}

export interface ChartSpec {
  readonly kind: ChartKind;
  readonly title: string;
  /**
   * Names of fields of the run's result; `ms` is the run's body time. For
   * `over-time`, fields holding `series.points()`; for `per-item`, lists of numbers.
   */
  readonly series: readonly string[];
  /** For `by-param` charts: the parameter on the x axis (the latest run for each value). */
  readonly param?: string;
  /** For `per-item` and `over-time` charts: the x axis's label. */
  readonly x?: string;
  /** Draw the ideal line y = x. */
  readonly ideal?: boolean;
  /** Draw a line at the machine's core count. */
  readonly cores?: boolean;
}

/** What must hold in every schedule of a run: explore looks for one that breaks it. */
export interface Invariant {
  readonly text: string;
  /** A JavaScript expression over `result` and `params`, checked in a worker as a goal is. */
  readonly check: string;
}

export type ParamOverrides = Readonly<Record<string, number | string | boolean>>;

/** A claim about the starter or the solution that `lessons:check` verifies by running it. */
export interface LessonCheck {
  readonly code: (typeof CHECK_CODES)[number];
  readonly expect: (typeof CHECK_EXPECTATIONS)[number];
  /** The goal that must be met in every run, or missed in one (for meets and misses). */
  readonly goal?: string;
  /** Parameters other than their defaults. */
  readonly params?: ParamOverrides;
  /** How many runs (default 5): all must meet; one miss, deadlock or error suffices. */
  readonly runs?: number;
  /** For error: text the error's message must contain. */
  readonly message?: string;
  /** For explore checks: the most preemptions a searched schedule has (default 2). */
  readonly preemptions?: number;
  /** For explore-fails: whether CPython's GIL allows the failing schedule found, or rules it out (explore/gil-switches.ts). */
  readonly gil?: (typeof GIL_VERDICTS)[number];
}

export interface Lesson {
  /** The folder name, which is also the lesson's address in the app. */
  readonly slug: string;
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly prose: string;
  readonly scenario: string;
  readonly solution: string;
  readonly reference: string;
  readonly goals: readonly Goal[];
  readonly charts: readonly ChartSpec[];
  readonly checks: readonly LessonCheck[];
  readonly stepParams: ParamOverrides;
  /** What must hold in every schedule, for explore; null when the lesson names none. */
  readonly invariant: Invariant | null;
  readonly timeLimitMs: number;
  readonly problems: readonly Problem[];
  /** The line in lesson.md of each frontmatter key path (`checks.0` -> 14), for tools that report on them. */
  readonly lines: ReadonlyMap<string, number>;
  /** The lesson's texts in other languages (`lesson.zh-CN.md`), each read against this one (read-translation.ts). */
  readonly translations: Translations;
}

export type Translations = Readonly<Partial<Record<Language, LessonTexts>>>;

/** A lesson's texts in one language: what a translation gives, keyed as the English lesson keys it. */
export interface LessonTexts {
  readonly title: string;
  readonly summary: string;
  readonly prose: string;
  readonly invariant?: string;
  /** Goal id -> text. */
  readonly goals: Readonly<Record<string, string>>;
  /** In the English charts' order. */
  readonly charts: readonly { readonly title: string; readonly x?: string }[];
  /** Parameter name -> label. */
  readonly params: Readonly<Record<string, string>>;
  /** The hash of the English lesson.md it was made from (its first 12 hex digits of SHA-256). */
  readonly translatedFrom: string;
  /** The line of each frontmatter key path in the translation's file. */
  readonly lines: ReadonlyMap<string, number>;
}

/** A translation's file name beside lesson.md. */
export function translationFile(language: Language): string {
  return `lesson.${language}.md`;
}

export const LESSON_FILES = ["lesson.md", "scenario.ts", "solution.ts", "reference.py"] as const;
