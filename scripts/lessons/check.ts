/**
 * `npm run lessons:check`: every check of every lesson, as a compiler
 * reports, `lessons/<file>:<line>: <message>`. In order: the manifest and
 * each lesson's frontmatter against their schemas; the starters and
 * solutions against the scenario API's types; links and images; the Python
 * references under python3; then the declared checks, on real Node workers.
 * A lesson whose files are broken skips the later stages, and the others go on.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadCourse } from "../../app/engine/course/load-course";
import type { Lesson } from "../../app/engine/course/lesson";
import type { Problem } from "../../app/engine/course/problem";
import { createNodePool } from "../../app/engine/node-pool";
import { readCourseFiles } from "./course-files";
import { checkLinks } from "./links";
import { runReferences } from "./python";
import { runLessonChecks } from "./run-checks";
import { typecheckLessons } from "./typecheck";
import { staleTranslations, untranslated } from "./translations";
import { translationFile } from "../../app/engine/course/lesson";

export interface CourseReport {
  readonly problems: Problem[];
  readonly notes: string[];
  readonly skipped: string[];
  lessons: number;
  /**
   * The checks as `npm test` counts tests: each lesson's own checks (schema,
   * types, links, declared checks) as one, and its Python reference as
   * another, skipped when it cannot run (no python3, or the lesson's files are
   * broken); problems of the course itself, such as course.yaml's, as one more.
   */
  readonly tally: { passed: number; failed: number; skipped: number };
}

export interface CheckOptions {
  /** Only these lesson folders (all when empty). */
  readonly only?: readonly string[];
  /** Report progress as each lesson finishes. */
  readonly progress?: (line: string) => void;
  /** The command that runs the Python references. */
  readonly python?: string;
}

export async function checkCourse(lessonsDir: string, publicDir: string, { only = [], progress = () => {}, python: pythonCommand = "python3" }: CheckOptions = {}): Promise<CourseReport> {
  const files = readCourseFiles(lessonsDir);
  const course = loadCourse(files);
  const tally = { passed: 0, failed: 0, skipped: 0 };
  const report: CourseReport = { problems: [...course.problems], notes: [], skipped: [], lessons: 0, tally };
  for (const slug of only) {
    if (!course.lessons.some((lesson) => lesson.slug === slug)) report.problems.push({ file: "course.yaml", message: `no lesson "${slug}" in the course` });
  }
  if (report.problems.length > 0) tally.failed++;
  const chosen = course.lessons.filter((lesson) => only.length === 0 || only.includes(lesson.slug));
  const runnable = chosen.filter((lesson) => existsSync(join(lessonsDir, lesson.slug)));
  const typeProblems = typecheckLessons(lessonsDir, runnable.flatMap((lesson) => [`${lesson.slug}/scenario.ts`, `${lesson.slug}/solution.ts`]));
  const slugs = new Set(course.lessons.map((lesson) => lesson.slug));
  // Before the checks, not beside them: a reference computing on one core would skew the checks' timed claims.
  const references = await runReferences(lessonsDir, chosen.filter((lesson) => lesson.problems.length === 0).map((lesson) => lesson.slug), pythonCommand);
  const pool = createNodePool(4);
  try {
    for (const lesson of chosen) {
      const started = performance.now();
      const own = (problem: Problem) => problem.file.startsWith(`${lesson.slug}/`);
      const problems = [...lesson.problems, ...typeProblems.filter(own)];
      const markdown = files[`${lesson.slug}/lesson.md`] ?? "";
      problems.push(...checkLinks(lesson, slugs, publicDir, markdown, "lesson.md"));
      for (const language of Object.keys(lesson.translations) as (keyof typeof lesson.translations)[]) {
        const file = translationFile(language);
        problems.push(...checkLinks(lesson, slugs, publicDir, files[`${lesson.slug}/${file}`] ?? "", file));
      }
      problems.push(...staleTranslations(lessonsDir, lesson, markdown));
      report.notes.push(...untranslated(lesson));
      let reference: keyof typeof tally = "skipped";
      if (lesson.problems.length === 0) {
        const python = references.get(lesson.slug)!;
        if ("skipped" in python) report.skipped.push(`${lesson.slug}/reference.py: skipped: ${python.skipped}`);
        else if (!python.ok) problems.push(python.problem);
        reference = "skipped" in python ? "skipped" : python.ok ? "passed" : "failed";
        if (!problems.some((p) => p.message.startsWith("type error"))) await runChecks(pool, lesson, problems, report);
      }
      tally[reference]++;
      tally[problems.length > (reference === "failed" ? 1 : 0) ? "failed" : "passed"]++;
      report.problems.push(...problems);
      report.lessons++;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      progress(`${problems.length === 0 ? "ok  " : "FAIL"} ${lesson.slug} (${seconds} s)`);
    }
  } finally {
    pool.close();
  }
  return report;
}

async function runChecks(pool: ReturnType<typeof createNodePool>, lesson: Lesson, problems: Problem[], report: CourseReport): Promise<void> {
  const checked = await runLessonChecks(pool, lesson);
  problems.push(...checked.problems);
  report.notes.push(...checked.notes);
}
