/** The shapes of course content: the manifest (`course.yaml`) and a lesson's frontmatter. */
import type { Shape } from "./schema";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const manifestShape: Shape = {
  title: { type: "string", required: true },
  units: {
    type: "list",
    required: true,
    item: {
      title: { type: "string", required: true },
      lessons: { type: "strings", required: true },
    },
  },
};

export const CHECK_CODES = ["starter", "solution"] as const;
export const GIL_VERDICTS = ["allows", "rules-out"] as const;
/**
 * meets: the goal passes in every run; misses: it fails in one at least;
 * deadlock, error: a run ends so; explore-fails: a search over schedules
 * finds a failure; explore-passes: it finds none, exhaustively; reachable:
 * a step goal can be reached, as a search finds a schedule that reaches it.
 */
export const CHECK_EXPECTATIONS = ["meets", "misses", "deadlock", "error", "explore-fails", "explore-passes", "reachable"] as const;

/**
 * How a step goal is reached, by the student scheduling the workers in step
 * mode: `result`, a stepped run ends and its result passes the check;
 * `deadlock`, a stepped run deadlocks (no check).
 */
export const STEP_GOAL_KINDS = ["result", "deadlock"] as const;

export const CHART_KINDS = ["runs", "trend", "by-param", "over-time", "per-item"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export const frontmatterShape: Shape = {
  id: { type: "string", required: true, pattern: SLUG },
  title: { type: "string", required: true },
  summary: { type: "string", required: true },
  timeLimitSeconds: { type: "number", min: 1, max: 600 },
  /** Smaller parameters for step mode and explore, where every operation is a step. */
  stepParams: { type: "values" },
  /** What must hold in every schedule: explore looks for one that breaks it. */
  invariant: {
    type: "map",
    shape: {
      text: { type: "string", required: true },
      check: { type: "string", required: true },
    },
  },
  goals: {
    type: "list",
    item: {
      id: { type: "string", required: true, pattern: SLUG },
      text: { type: "string", required: true },
      /** Required, except for a goal reached by a deadlock. */
      check: { type: "string" },
      /** A step goal: reached in step mode, not by a free run. */
      step: { type: "string", oneOf: STEP_GOAL_KINDS },
    },
  },
  /** What `npm run lessons:check` verifies by running the starter and the solution (see lessons/AUTHORING.md). */
  checks: {
    type: "list",
    item: {
      code: { type: "string", required: true, oneOf: CHECK_CODES },
      expect: { type: "string", required: true, oneOf: CHECK_EXPECTATIONS },
      goal: { type: "string", pattern: SLUG },
      params: { type: "values" },
      runs: { type: "number", min: 1, max: 20 },
      /** For explore checks: the most preemptions a searched schedule has (default 2). */
      preemptions: { type: "number", min: 0, max: 3 },
      /** For explore-fails under the GIL: the failing schedule is one CPython's GIL `allows`, or one it `rules-out`. */
      gil: { type: "string", oneOf: GIL_VERDICTS },
      message: { type: "string" },
    },
  },
  charts: {
    type: "list",
    item: {
      kind: { type: "string", required: true, oneOf: CHART_KINDS },
      title: { type: "string", required: true },
      series: { type: "strings", required: true },
      /** For `by-param`: the parameter on the x axis. */
      param: { type: "string" },
      /** For `per-item` and `over-time`: what the x axis counts ("client", "ms"). */
      x: { type: "string" },
      /** Draw the ideal line y = x (a speedup equal to the worker count). */
      ideal: { type: "boolean" },
      /** Draw a line at this machine's core count (navigator.hardwareConcurrency). */
      cores: { type: "boolean" },
    },
  },
};

const TEXTS_OF_A_CHART: Shape = {
  title: { type: "string", required: true },
  /** The x axis's label, when the English chart has one. */
  x: { type: "string" },
};

/**
 * A translation's frontmatter (`lesson.zh-CN.md`): the English lesson's texts
 * only, keyed as the English keys them; what runs (checks, goal checks, chart
 * series) is the English file's, shared by every language.
 */
export const translationShape: Shape = {
  /** The first 12 hex digits of the SHA-256 of the English lesson.md this translates, as it was then. */
  translatedFrom: { type: "string", required: true, pattern: /^[0-9a-f]{12}$/ },
  title: { type: "string", required: true },
  summary: { type: "string", required: true },
  invariant: { type: "string" },
  goals: { type: "list", item: { id: { type: "string", required: true, pattern: SLUG }, text: { type: "string", required: true } } },
  charts: { type: "list", item: TEXTS_OF_A_CHART },
  /** Each parameter's label, by the name the scenario declares it under. */
  params: { type: "values" },
};

/** A translation of course.yaml's texts (`course.zh-CN.yaml`): the course's title, and each unit's, in the manifest's order. */
export const manifestTranslationShape: Shape = {
  title: { type: "string", required: true },
  units: { type: "strings", required: true },
};
