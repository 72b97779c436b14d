/**
 * Reads one lesson from its folder's files (lesson.ts says what a lesson is):
 * the frontmatter's YAML against its shape, with each problem's line.
 */
import { DEFAULT_TIME_LIMIT_MS } from "../run";
import { readFrontmatter } from "./frontmatter";
import { frontmatterShape } from "./shapes";
import { readTranslations } from "./read-translation";
import { LESSON_FILES, type ChartSpec, type Goal, type Invariant, type Lesson, type LessonCheck, type ParamOverrides } from "./lesson";
import type { Problem } from "./problem";

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
  const lesson = {
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
  return { ...lesson, translations: readTranslations(slug, files, lesson, problems) };
}

interface Markdown {
  readonly frontmatter?: Frontmatter;
  readonly prose: string;
  readonly lines: ReadonlyMap<string, number>;
}

function readMarkdown(file: string, text: string, problems: Problem[]): Markdown {
  const read = readFrontmatter(file, text, frontmatterShape);
  const { prose, lines } = read;
  const shapeProblems = read.problems;
  if (read.value === undefined) {
    problems.push(...shapeProblems);
    return { prose, lines };
  }
  const frontmatter = read.value as Frontmatter;
  frontmatter.charts?.forEach((chart, i) => {
    if (chart.kind === "by-param" && !chart.param) {
      shapeProblems.push({ file, line: lines.get(`charts.${i}`), message: `chart "${chart.title}" is by-param: add "param" (the parameter for the x axis)` });
    }
  });
  const goalIds = new Set((frontmatter.goals ?? []).map((goal) => goal.id));
  frontmatter.goals?.forEach((goal, i) => {
    const line = lines.get(`goals.${i}`);
    if (goal.step === "deadlock" && goal.check !== undefined) {
      shapeProblems.push({ file, line, message: `goal "${goal.id}" is reached by a deadlock, which has no result: remove its "check"` });
    }
    if (goal.step !== "deadlock" && goal.check === undefined) {
      shapeProblems.push({ file, line, message: `goal "${goal.id}" has no "check": add one (a JavaScript expression over result and params)` });
    }
  });
  frontmatter.checks?.forEach((check, i) => {
    const line = lines.get(`checks.${i}`);
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
  return { frontmatter: shapeProblems.length === 0 ? frontmatter : undefined, prose, lines };
}
