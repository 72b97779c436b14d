/**
 * Runs a lesson's declared checks (`checks:` in lesson.md) on real Node
 * workers: the starter must miss what the exercises ask for, the solution
 * must meet it, and whatever the lesson shows going wrong (a deadlock, an
 * error) must really happen. Runs stop as soon as the claim is settled.
 */
import type { Lesson, LessonCheck } from "../../app/engine/course/lesson";
import type { Problem } from "../../app/engine/course/problem";
import { compileScenario } from "../../app/engine/compile";
import { describeScenario } from "../../app/engine/describe";
import { translationParams } from "./translations";
import { DEFAULT_LANGUAGE, LANGUAGES } from "../../app/runtime/i18n/languages";
import { loadLanguage } from "../../app/runtime/i18n/i18n";
import { startRun, type RunOutcome } from "../../app/engine/run";
import { explore, type ExploreResult } from "../../app/engine/explore/explore";
import { invariantPromise } from "../../app/engine/explore/explorer";
import type { GoalOutcome } from "../../app/runtime/protocol";
import type { WorkerPool } from "../../app/engine/pool";
import { checkParam, defaultParams, type ParamSpecs, type ParamValue } from "../../app/runtime/params";
import { downlevelForNode } from "./typecheck";
import { brief } from "../../app/engine/brief";

export const DEFAULT_RUNS = 5;
/** A check's run may take at most this long, whatever the lesson's own limit. */
const CHECK_TIME_LIMIT_MS = 20_000;
/** Schedules an explore check may try: a lesson's check params should keep its search far smaller. */
const EXPLORE_CAP = 2_000;
/** The preemptions an explore check searches when it names none (AUTHORING.md). */
export const DEFAULT_PREEMPTIONS = 2;
/** A proof is cut short only by the cap; this is a backstop against a runaway search. */
const EXPLORE_BUDGET_MS = 120_000;
/** Reading a scenario's parameters, on a worker that may still be starting on a busy machine. */
const DESCRIBE_TIME_LIMIT_MS = 15_000;

export interface CheckReport {
  readonly problems: Problem[];
  /** One line per check passed: what happened, for the author (and the closing note). */
  readonly notes: string[];
}

interface Prepared {
  readonly js: string;
  readonly specs: ParamSpecs;
}

export async function runLessonChecks(pool: WorkerPool, lesson: Lesson): Promise<CheckReport> {
  const report: CheckReport = { problems: [], notes: [] };
  const file = `${lesson.slug}/lesson.md`;
  const prepared = new Map<string, Prepared | null>();
  for (const code of ["starter", "solution"] as const) {
    const needed = code === "starter" || lesson.checks.some((check) => check.code === code);
    if (needed) prepared.set(code, await prepare(pool, lesson, code, report.problems));
  }
  const starter = prepared.get("starter");
  if (starter) {
    checkParams(lesson.stepParams, starter.specs, "stepParams", file, lesson.lines.get("stepParams"), report.problems);
    report.problems.push(...translationParams(lesson, starter.specs));
  }
  const results: unknown[] = [];
  for (const [i, check] of lesson.checks.entries()) {
    const code = prepared.get(check.code);
    if (!code) continue;
    const line = lesson.lines.get(`checks.${i}`);
    const params = checkParams(check.params ?? {}, code.specs, `check ${i + 1}: params`, file, line, report.problems);
    if (params === null) continue;
    const started = performance.now();
    const once = () => verify(pool, lesson, check, code.js, params, (result) => results.push(result));
    const english = await once();
    const verdict = english.ok && check.expect === "error" ? await inEveryOtherLanguage(once, english) : english;
    const claim = describeCheck(check);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (verdict.ok) report.notes.push(`${lesson.slug}: ${claim}: ${verdict.seen} (${seconds} s)`);
    else report.problems.push({ file, line, message: `check ${i + 1} (${claim}) failed: ${verdict.seen}` });
  }
  if (results.length > 0) report.problems.push(...checkChartSeries(lesson, results));
  return report;
}

/** Fields every run has besides its result's (chart-rows.ts): the body time and the GIL's hand-overs. */
const RUN_FIELDS = new Set(["ms", "switches", "switchesPerSecond"]);

/** A chart's series must name fields some result of the checks' runs returned, or the chart stays empty. */
function checkChartSeries(lesson: Lesson, results: readonly unknown[]): Problem[] {
  const fields = [...new Set(results.flatMap((result) => (typeof result === "object" && result !== null ? Object.keys(result) : [])))];
  return lesson.charts.flatMap((chart, i) =>
    chart.series
      .filter((name) => !fields.includes(name) && !RUN_FIELDS.has(name))
      .map((name) => ({
        file: `${lesson.slug}/lesson.md`,
        line: lesson.lines.get(`charts.${i}.series`) ?? lesson.lines.get(`charts.${i}`),
        message: `chart "${chart.title}": series "${name}" is not a field of any result the checks saw (they had ${fields.join(", ") || "no fields"})`,
      })),
  );
}

async function prepare(pool: WorkerPool, lesson: Lesson, code: "starter" | "solution", problems: Problem[]): Promise<Prepared | null> {
  const file = `${lesson.slug}/${code === "starter" ? "scenario.ts" : "solution.ts"}`;
  const source = code === "starter" ? lesson.scenario : lesson.solution;
  const compiled = compileScenario(downlevelForNode(source));
  if (!compiled.ok) {
    problems.push({ file, line: compiled.error.line, message: compiled.error.message });
    return null;
  }
  const described = await describeScenario(pool, compiled.js, DESCRIBE_TIME_LIMIT_MS);
  if (!described.ok) {
    problems.push({ file, line: described.error.line, message: `${described.error.name}: ${described.error.message}` });
    return null;
  }
  return { js: compiled.js, specs: described.value.params };
}

/** The parameters with `overrides` applied, or null (with problems) when one is unknown or out of range. */
function checkParams(
  overrides: Readonly<Record<string, unknown>>,
  specs: ParamSpecs,
  what: string,
  file: string,
  line: number | undefined,
  problems: Problem[],
): Record<string, ParamValue> | null {
  const params = defaultParams(specs);
  let ok = true;
  for (const [name, value] of Object.entries(overrides)) {
    const problem = paramProblem(specs, name, value);
    if (problem === null) {
      params[name] = value as ParamValue;
    } else {
      problems.push({ file, line, message: `${what}: ${problem}` });
      ok = false;
    }
  }
  return ok ? params : null;
}

/** Why `value` cannot be parameter `name`, naming the key as the author typed it; null when it can. */
function paramProblem(specs: ParamSpecs, name: string, value: unknown): string | null {
  const spec = specs[name];
  if (!spec) return `the scenario has no parameter "${name}" (it has ${Object.keys(specs).join(", ") || "none"})`;
  const problem = checkParam(name, spec, value);
  return problem === null ? null : `${name}: ${problem}`;
}

export interface Verdict {
  readonly ok: boolean;
  readonly seen: string;
}

async function verify(
  pool: WorkerPool,
  lesson: Lesson,
  check: LessonCheck,
  js: string,
  params: Record<string, ParamValue>,
  sawResult: (result: unknown) => void,
): Promise<Verdict> {
  if (check.expect === "explore-fails" || check.expect === "explore-passes") return verifyByExplore(pool, lesson, check, js, params);
  if (check.expect === "reachable") return verifyReachable(pool, lesson, check, js, params);
  const runs = check.runs ?? DEFAULT_RUNS;
  const timeLimitMs = Math.min(lesson.timeLimitMs, CHECK_TIME_LIMIT_MS);
  for (let run = 1; run <= runs; run++) {
    const outcome = await startRun(pool, { js, params, goals: lesson.goals, timeLimitMs }).outcome;
    if (outcome.status === "done") sawResult(outcome.result);
    const settled = judge(check, outcome, run, runs);
    if (settled) return settled;
  }
  return check.expect === "meets"
    ? { ok: true, seen: `met in all ${runs} runs` }
    : { ok: false, seen: `${expected(check)} in none of ${runs} runs` };
}

/**
 * An error check holds in every language the workers speak: the text it names
 * is Python's own (which stays English) or must be said in each language.
 */
async function inEveryOtherLanguage(verifyOnce: () => Promise<Verdict>, english: Verdict): Promise<Verdict> {
  const others = LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE);
  for (const language of others) {
    await loadLanguage(language);
    try {
      const verdict = await verifyOnce();
      if (!verdict.ok) return { ok: false, seen: `in ${language}: ${verdict.seen}` };
    } finally {
      await loadLanguage(DEFAULT_LANGUAGE);
    }
  }
  return { ok: true, seen: `${english.seen}; the same in ${others.join(", ")}` };
}

/** The verdict after one run, or null while it is still open. */
function judge(check: LessonCheck, outcome: RunOutcome, run: number, runs: number): Verdict | null {
  const where = `run ${run} of ${runs}`;
  switch (check.expect) {
    case "meets":
    case "misses": {
      if (outcome.status !== "done") return { ok: false, seen: `${where} ${ended(outcome)}` };
      const goal = outcome.goals.find((g) => g.id === check.goal);
      const passed = goal?.passed === true;
      const why = goal?.error ? ` (its check threw: ${goal.error})` : "";
      if (check.expect === "meets" && !passed) return { ok: false, seen: `goal "${check.goal}" was missed in ${where}${why}; result ${brief(outcome.result)}` };
      if (check.expect === "misses" && !passed) return { ok: true, seen: `missed in ${where}; result ${brief(outcome.result)}` };
      return null;
    }
    case "deadlock":
      return outcome.status === "deadlock" ? { ok: true, seen: `deadlock in ${where}: ${outcome.deadlock.message}` } : null;
    case "error":
      if (outcome.status === "error" && outcome.error.message.includes(check.message ?? "")) {
        return { ok: true, seen: `error in ${where}: ${outcome.error.message}` };
      }
      return null;
    default:
      throw new Error(`judge() does not judge ${check.expect} checks: explore does.`);
  }
}

/** An explore check: a search over schedules (engine/explore) for a missed goal, an error or a deadlock. */
async function verifyByExplore(pool: WorkerPool, lesson: Lesson, check: LessonCheck, js: string, params: Record<string, ParamValue>): Promise<Verdict> {
  const { goal } = check;
  const promises = goal === undefined ? invariantPromise(lesson.invariant) : lesson.goals.filter((g) => g.id === goal);
  const preemptions = check.preemptions ?? DEFAULT_PREEMPTIONS;
  const result = await explore(pool, { js, params, promises, maxPreemptions: preemptions, cap: EXPLORE_CAP, budgetMs: EXPLORE_BUDGET_MS, random: false });
  return exploreVerdict(check, preemptions, result);
}

/** What an explore check's search shows: `explore-passes` holds only if every schedule up to the claimed preemptions was tried. */
export function exploreVerdict(
  check: Pick<LessonCheck, "expect" | "gil">,
  preemptions: number,
  result: Pick<ExploreResult, "schedules" | "bound" | "exhaustive" | "complete" | "equivalentSkipped" | "failure">,
): Verdict {
  const searched = searchedWords(result);
  if (result.failure) {
    const seen = `a failing schedule (${result.failure.kind}) after ${searched}: ${result.failure.message}`;
    if (check.expect !== "explore-fails") return { ok: false, seen: `explore found ${seen}` };
    return gilVerdict(check, result.failure.gilNote, `found ${seen}`);
  }
  if (check.expect === "explore-passes") {
    // The search reports the highest bound it covered: a cap reached at a lower bound than claimed proves less than the claim.
    if (result.exhaustive && (result.complete || result.bound >= preemptions)) return { ok: true, seen: `no failure in all ${searched}` };
    const short = result.exhaustive ? `, short of the ${preemptions} claimed` : " without covering them all";
    return {
      ok: false,
      seen: `the search stopped at ${searched}${short} (it tries at most ${EXPLORE_CAP.toLocaleString("en")}): lower "preemptions" (1 is often enough), or make the params smaller`,
    };
  }
  return { ok: false, seen: `explore found no failure in ${result.exhaustive ? "all " : ""}${searched}` };
}

/** For a `gil` claim: whether CPython's GIL allows the schedule found (it has no note of a switch the GIL rules out). */
function gilVerdict(check: Pick<LessonCheck, "gil">, gilNote: string | null, seen: string): Verdict {
  if (check.gil === "allows" && gilNote !== null) return { ok: false, seen: `${seen}; but CPython's GIL rules it out: ${gilNote}` };
  if (check.gil === "rules-out" && gilNote === null) return { ok: false, seen: `${seen}; and CPython's GIL allows it (or the run is not under the GIL)` };
  return { ok: true, seen: check.gil === "rules-out" ? `${seen}; CPython's GIL rules it out` : seen };
}

/** A step goal is reachable when a search finds a schedule that reaches it: one that deadlocks, or whose result passes the goal's check. */
async function verifyReachable(pool: WorkerPool, lesson: Lesson, check: LessonCheck, js: string, params: Record<string, ParamValue>): Promise<Verdict> {
  const goal = lesson.goals.find((g) => g.id === check.goal)!;
  const wanted = goal.step === "deadlock" ? "deadlock" : "broken";
  const promises = goal.step === "deadlock" ? [] : [{ id: goal.id, text: `goal "${goal.id}" not reached`, check: `!(${goal.check})` }];
  const result = await explore(pool, { js, params, promises, maxPreemptions: check.preemptions ?? DEFAULT_PREEMPTIONS, cap: EXPLORE_CAP, budgetMs: EXPLORE_BUDGET_MS, random: false });
  const searched = searchedWords(result);
  if (result.failure?.kind === wanted) return { ok: true, seen: `a schedule reaches it, found after ${searched}` };
  if (result.failure) return { ok: false, seen: `the search ended at a schedule that fails otherwise (${result.failure.kind}): ${result.failure.message}` };
  return { ok: false, seen: `no schedule reaches it in ${result.exhaustive ? "all " : ""}${searched}` };
}

function searchedWords(result: Pick<ExploreResult, "schedules" | "bound" | "complete" | "equivalentSkipped">): string {
  const schedules = `${result.schedules.toLocaleString("en")} schedules`;
  if (result.complete) return `${schedules}, every order (${result.equivalentSkipped.toLocaleString("en")} skipped as equivalent)`;
  return `${schedules} with up to ${result.bound} preemption${result.bound === 1 ? "" : "s"}`;
}

function describeCheck(check: LessonCheck): string {
  const params = Object.entries(check.params ?? {}).map(([k, v]) => `${k}=${String(v)}`);
  return `${check.code} ${expected(check)}${params.length > 0 ? ` with ${params.join(", ")}` : ""}`;
}

function expected(check: LessonCheck): string {
  const goal = check.goal === undefined ? "" : ` (goal "${check.goal}")`;
  switch (check.expect) {
    case "meets":
      return `meets goal "${check.goal}"`;
    case "misses":
      return `misses goal "${check.goal}"`;
    case "deadlock":
      return "deadlocks";
    case "error":
      return `fails with "${check.message}"`;
    case "explore-fails":
      return `has a failing schedule${goal}`;
    case "explore-passes":
      return `has no failing schedule${goal}`;
    case "reachable":
      return `can reach step goal "${check.goal}"`;
  }
}

function ended(outcome: RunOutcome): string {
  switch (outcome.status) {
    case "done":
      return "finished";
    case "error":
      return `ended in an error (${outcome.error.workerId === undefined ? "" : `worker ${outcome.error.workerId}, `}${outcome.error.line === undefined ? "" : `line ${outcome.error.line}: `}${outcome.error.message})`;
    case "stopped":
      return `was stopped: ${outcome.message}`;
    case "deadlock":
      return `deadlocked: ${outcome.deadlock.message}`;
  }
}
