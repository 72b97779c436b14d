/**
 * One lesson, read from its folder: `lesson.md` (YAML frontmatter, then
 * markdown prose), `scenario.ts` (the starter), `solution.ts`, and
 * `reference.py`. A lesson with problems is still returned, carrying them,
 * so the app can show its errors on its own page and every other lesson.
 */
import type { GoalCheck } from "../../runtime/protocol";
import { DEFAULT_TIME_LIMIT_MS } from "../run";
import { checkShape } from "./schema";
import { frontmatterShape, type ChartKind, type CHECK_CODES, type CHECK_EXPECTATIONS, type GIL_VERDICTS, type STEP_GOAL_KINDS } from "./shapes";
import { parseYaml } from "./yaml-map";
import type { Problem } from "./problem";

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
}

export const LESSON_FILES = ["lesson.md", "scenario.ts", "solution.ts", "reference.py"] as const;

interface Frontmatter {
  id: string;
  title: string;
  summary: string;
  timeLimitSeconds?: number;
  goals?: Goal[];
  charts?: ChartSpec[];
  checks?: LessonCheck[];
  stepParams?: ParamOverrides;
  invariant?: Invariant;
}

export function readLesson(slug: string, files: Readonly<Record<string, string>>): Lesson {
  const problems: Problem[] = [];
  const file = (name: string) => {
    const text = files[`${slug}/${name}`];
    if (text === undefined) problems.push({ file: `${slug}/${name}`, message: "missing file" });
    return text ?? "";
  };
  const [markdown, scenario, solution, reference] = LESSON_FILES.map(file) as [string, string, string, string];
  const { frontmatter, prose, lines } = readMarkdown(`${slug}/lesson.md`, markdown, problems);
  return {
    slug,
    id: frontmatter?.id ?? slug,
    title: frontmatter?.title ?? slug,
    summary: frontmatter?.summary ?? "",
    prose,
    scenario,
    solution,
    reference,
    // A deadlock goal has no check: a run never meets it by its result.
    goals: (frontmatter?.goals ?? []).map((goal) => ({ ...goal, check: goal.check ?? "false" })),
    charts: frontmatter?.charts ?? [],
    checks: frontmatter?.checks ?? [],
    stepParams: frontmatter?.stepParams ?? {},
    invariant: frontmatter?.invariant ?? null,
    timeLimitMs: (frontmatter?.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_MS / 1000) * 1000,
    problems,
    lines,
  };
}

interface Markdown {
  readonly frontmatter?: Frontmatter;
  readonly prose: string;
  readonly lines: ReadonlyMap<string, number>;
}

function readMarkdown(file: string, text: string, problems: Problem[]): Markdown {
  const none = new Map<string, number>();
  if (text === "") return { prose: "", lines: none };
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) {
    problems.push({ file, line: 1, message: 'no frontmatter: start the file with a "---" line, the YAML keys, then another "---" line' });
    return { prose: text, lines: none };
  }
  const prose = text.slice(match[0].length);
  const parsed = parseYaml(match[1]!, file, 2);
  problems.push(...parsed.problems);
  if (!parsed.located) return { prose, lines: none };
  const shapeProblems = checkShape(parsed.located, frontmatterShape, file);
  (parsed.located.value as Frontmatter).charts?.forEach((chart, i) => {
    if (chart.kind === "by-param" && !chart.param) {
      shapeProblems.push({ file, line: parsed.located!.lines.get(`charts.${i}`), message: `chart "${chart.title}" is by-param: add "param" (the parameter for the x axis)` });
    }
  });
  const frontmatter = parsed.located.value as Frontmatter;
  const goalIds = new Set((frontmatter.goals ?? []).map((goal) => goal.id));
  frontmatter.goals?.forEach((goal, i) => {
    const line = parsed.located!.lines.get(`goals.${i}`);
    if (goal.step === "deadlock" && goal.check !== undefined) {
      shapeProblems.push({ file, line, message: `goal "${goal.id}" is reached by a deadlock, which has no result: remove its "check"` });
    }
    if (goal.step !== "deadlock" && goal.check === undefined) {
      shapeProblems.push({ file, line, message: `goal "${goal.id}" has no "check": add one (a JavaScript expression over result and params)` });
    }
  });
  frontmatter.checks?.forEach((check, i) => {
    const line = parsed.located!.lines.get(`checks.${i}`);
    const needsGoal = check.expect === "meets" || check.expect === "misses" || check.expect === "reachable";
    if ((needsGoal || check.goal !== undefined) && !goalIds.has(check.goal ?? "")) {
      const known = [...goalIds].join(", ") || "none";
      shapeProblems.push({ file, line, message: `check ${i + 1} expects the ${check.code} ${check.expect} goal "${check.goal ?? ""}", which is not among the goals (${known})` });
    }
    const stepGoal = frontmatter.goals?.find((goal) => goal.id === check.goal)?.step;
    if (needsGoal && goalIds.has(check.goal ?? "") && (check.expect === "reachable") !== (stepGoal !== undefined)) {
      const why = stepGoal ? `is a step goal, which a free run never meets: check it with "expect: reachable"` : `is not a step goal: only a step goal is "reachable"`;
      shapeProblems.push({ file, line, message: `check ${i + 1}: goal "${check.goal ?? ""}" ${why}` });
    }
    if (check.gil !== undefined && check.expect !== "explore-fails") {
      shapeProblems.push({ file, line, message: `check ${i + 1}: "gil" says whether CPython's GIL allows a failing schedule, so it goes with "expect: explore-fails"` });
    }
    if (check.expect === "error" && !check.message) {
      shapeProblems.push({ file, line, message: `check ${i + 1} expects an error: add "message" (text the error must contain)` });
    }
  });
  problems.push(...shapeProblems);
  return { frontmatter: shapeProblems.length === 0 ? frontmatter : undefined, prose, lines: parsed.located.lines };
}
