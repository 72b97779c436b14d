/** A problem found in course content, located like a compiler error: `file:line: message`. */
export interface Problem {
  /** Path relative to the lessons folder, e.g. `03-race-conditions/lesson.md`. */
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export function formatProblem(problem: Problem, root = "lessons"): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${root}/${where}: ${problem.message}`;
}
