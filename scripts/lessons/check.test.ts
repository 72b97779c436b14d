/**
 * lessons:check against a course of fixture lessons, each the template of
 * `lesson:new` with one thing broken, checked in one pass as the command
 * does: every kind of error is reported once, at its file and line, and the
 * intact lesson passes.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../app/engine/course/problem";
import { newLesson } from "../lesson-new.mjs";
import { checkCourse, type CourseReport } from "./check";
import { englishHash } from "./translations";
import { templateTranslation } from "./template-translation";

/** A zh-CN translation of the template's lesson.md, made from `english`, with `change` applied to its text. */
const translation = (english: string, change: (text: string) => string = (t) => t) => change(templateTranslation(englishHash(english)));

const root = mkdtempSync(join(tmpdir(), "lessons-check-"));
const lessons = join(root, "lessons");

type Edit = (file: string, change: (text: string, english: string) => string) => void;
/** Each fixture: a lesson from the template, then `breakIt` on its files (`change` gets the file's text, "" for a new file, and lesson.md's). */
const FIXTURES: Record<string, (edit: Edit) => void> = {
  "01-intact": () => {},
  "14-asyncio-intact": () => {},
  "02-misspelt-key": (edit) => edit("lesson.md", (t) => t.replace("title:", "tittle:")),
  "03-missing-solution": (edit) => edit("solution.ts", () => ""),
  "04-type-error": (edit) => edit("scenario.ts", (t) => t.replace("counter.add(1);", 'counter.add("1");')),
  "05-solution-misses": (edit) => edit("solution.ts", (t) => t.replace("counter.add(2);", "counter.add(1);")),
  "06-unknown-param": (edit) => edit("lesson.md", (t) => t.replace("{ code: starter, expect: meets, goal: exact, runs: 2 }", "{ code: starter, expect: meets, goal: exact, params: { nope: 1 } }")),
  "07-broken-image": (edit) => edit("lesson.md", (t) => `${t}\n![diagram](images/missing.png)\n`),
  "08-python-fails": (edit) => edit("reference.py", (t) => t.replace("print(", "raise SystemExit(3)\nprint(")),
  "09-no-deadlock": (edit) => edit("lesson.md", (t) => t.replace("checks:\n", "checks:\n  - { code: starter, expect: deadlock, runs: 1 }\n")),
  "10-unknown-goal": (edit) => edit("lesson.md", (t) => t.replace("goal: double, runs: 1", "goal: tripled, runs: 1")),
  "11-syntax-error": (edit) => edit("solution.ts", (t) => t.replace("counter.add(2);", "counter.add(2;")),
  "13-chart-typo": (edit) => edit("lesson.md", (t) => t.replace("series: [expected, actual]", "series: [expected, actaul]")),
  "15-translated": (edit) => edit("lesson.zh-CN.md", (_, english) => translation(english)),
  "16-translation-mismatch": (edit) =>
    edit("lesson.zh-CN.md", (_, english) =>
      translation(english, (t) => t.replace("  - id: exact", "  - id: exactly").replace("  - title: 每次运行的预期值与实际值\n", "  - title: 一\n  - title: 二\n").concat("```ts\ncounter.add(2);\n```\n")),
    ),
  "17-translation-stale": (edit) => {
    edit("lesson.zh-CN.md", (_, english) => translation(english));
    edit("lesson.md", (t) => t.replace("## Exercises", "## Exercises, reworded"));
  },
  "18-translation-params": (edit) => edit("lesson.zh-CN.md", (_, english) => translation(english, (t) => t.replace("  rounds: 每个工作线程的轮数", "  nope: 不存在"))),
  "12-explore-claims": (edit) =>
    edit("lesson.md", (t) =>
      t.replace(
        "checks:\n",
        "checks:\n  - { code: starter, expect: explore-passes, goal: exact, params: { rounds: 2 }, preemptions: 1 }\n  - { code: starter, expect: explore-fails, goal: exact, params: { rounds: 2 }, preemptions: 1 }\n",
      ),
    ),
};

let report: CourseReport;
let lines: string[];

beforeAll(async () => {
  mkdirSync(lessons);
  writeFileSync(join(lessons, "course.yaml"), "title: Fixtures\nunits:\n  - title: All\n    lessons: []\n");
  for (const [slug, breakIt] of Object.entries(FIXTURES)) {
    newLesson(root, slug, undefined, { asyncio: slug.includes("asyncio") });
    breakIt((file, change) => {
      const path = join(lessons, slug, file);
      const text = change(existsSync(path) ? readFileSync(path, "utf8") : "", readFileSync(join(lessons, slug, "lesson.md"), "utf8"));
      if (text === "") rmSync(path);
      else writeFileSync(path, text);
    });
  }
  const manifest = readFileSync(join(lessons, "course.yaml"), "utf8");
  writeFileSync(join(lessons, "course.yaml"), manifest.replace("- 01-intact", "- 01-intact\n      - 99-nowhere"));
  report = await checkCourse(lessons, join(root, "public"));
  lines = report.problems.map((p) => formatProblem(p));
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const only = (slug: string) => lines.filter((line) => line.startsWith(`lessons/${slug}/`));

describe("lessons:check", () => {
  it("passes the intact asyncio lesson, whose Explore claims are searched over its tasks", () => {
    expect(only("14-asyncio-intact")).toEqual([]);
    const notes = report.notes.filter((n) => n.startsWith("14-asyncio-intact"));
    expect(notes).toContainEqual(expect.stringMatching(/^14-asyncio-intact: starter has a failing schedule with requests=2: found a failing schedule \(broken\) after 1 schedules with up to 0 preemptions: No longer holds: every request is counted\./));
    // Two replies can come in either order, each with the ready tasks or after them: every order, a handful of schedules.
    expect(notes).toContainEqual(expect.stringMatching(/^14-asyncio-intact: solution has no failing schedule with requests=2: no failure in all \d+ schedules, every order/));
  });

  it("passes the intact lesson, and checks its starter and solution by running them", () => {
    expect(only("01-intact")).toEqual([]);
    expect(report.notes.filter((n) => n.startsWith("01-intact"))).toEqual([
      expect.stringMatching(/^01-intact: starter meets goal "exact": met in all 2 runs \(\d+\.\d s\)$/),
      expect.stringMatching(/^01-intact: starter misses goal "double": missed in run 1 of 1/),
      expect.stringMatching(/^01-intact: solution meets goal "double": met in all 2 runs \(\d+\.\d s\)$/),
    ]);
  });

  it("names a manifest entry without a folder, with its line", () => {
    expect(lines).toContain('lessons/course.yaml:6: lesson "99-nowhere" has no folder lessons/99-nowhere/');
  });

  it("names a misspelt frontmatter key, its line and the key it resembles", () => {
    expect(only("02-misspelt-key")).toEqual([expect.stringMatching(/^lessons\/02-misspelt-key\/lesson\.md:3: unknown key "tittle" \(did you mean "title"\?\)/), 'lessons/02-misspelt-key/lesson.md:2: missing key "title"'].sort());
  });

  it("names a missing file", () => {
    expect(only("03-missing-solution")).toEqual(["lessons/03-missing-solution/solution.ts: missing file"]);
  });

  it("reports a type error against the scenario API at its line", () => {
    expect(only("04-type-error")).toEqual([expect.stringMatching(/^lessons\/04-type-error\/scenario\.ts:16: type error: Argument of type 'string' is not assignable/)]);
  });

  it("reports a solution that misses its goal, with the run and the result", () => {
    expect(only("05-solution-misses")).toEqual([
      expect.stringMatching(/^lessons\/05-solution-misses\/lesson\.md:\d+: check 3 \(solution meets goal "double"\) failed: goal "double" was missed in run 1 of 2; result \{"expected":2000,"actual":2000\}/),
    ]);
  });

  it("refuses a check's parameter the scenario does not declare", () => {
    expect(only("06-unknown-param")).toEqual([expect.stringMatching(/^lessons\/06-unknown-param\/lesson\.md:\d+: check 1: params: the scenario has no parameter "nope" \(it has workers, rounds\)/)]);
  });

  it("reports an image that is not a file of the site", () => {
    expect(only("07-broken-image")).toEqual([expect.stringMatching(/^lessons\/07-broken-image\/lesson\.md:\d+: image "images\/missing\.png": no file public\/images\/missing\.png/)]);
  });

  it("runs the Python reference and reports its failure", () => {
    const python = only("08-python-fails");
    if (report.skipped.some((s) => s.startsWith("08-python-fails"))) expect(python).toEqual([]);
    else expect(python).toEqual(["lessons/08-python-fails/reference.py: python3 exited with status 3: "]);
  });

  it("reports a claimed deadlock that does not happen", () => {
    expect(only("09-no-deadlock")).toEqual([expect.stringMatching(/^lessons\/09-no-deadlock\/lesson\.md:\d+: check 1 \(starter deadlocks\) failed: deadlocks in none of 1 runs/)]);
  });

  it("refuses a check naming a goal the lesson does not have", () => {
    expect(only("10-unknown-goal")).toEqual([expect.stringMatching(/^lessons\/10-unknown-goal\/lesson\.md:\d+: check 2 expects the starter misses goal "tripled", which is not among the goals \(exact, double\)/)]);
  });

  it("reports a syntax error in the solution at its line", () => {
    expect(only("11-syntax-error").some((line) => line.startsWith("lessons/11-syntax-error/solution.ts:16: "))).toBe(true);
  });

  it("searches schedules for explore claims: proves one that holds with a count, reports one that does not", () => {
    expect(report.notes).toContainEqual(expect.stringMatching(/^12-explore-claims: starter has no failing schedule \(goal "exact"\) with rounds=2: no failure in all 7 schedules, every order \(4 skipped as equivalent\) \(\d+\.\d s\)$/));
    expect(only("12-explore-claims")).toEqual([
      expect.stringMatching(/^lessons\/12-explore-claims\/lesson\.md:\d+: check 2 \(starter has a failing schedule \(goal "exact"\) with rounds=2\) failed: explore found no failure in all 7 schedules, every order \(4 skipped as equivalent\)$/),
    ]);
  });

  it("passes a translation that matches its English, and notes the lessons with none", () => {
    expect(only("15-translated")).toEqual([]);
    expect(report.notes).toContain("untranslated: 01-intact has no zh-CN translation (lesson.zh-CN.md): its readers see the English");
    expect(report.notes.some((note) => note.includes("15-translated has no"))).toBe(false);
  });

  it("refuses a translation whose goals, charts or code are not the English lesson's", () => {
    expect(only("16-translation-mismatch")).toEqual([
      "lessons/16-translation-mismatch/lesson.zh-CN.md:5: goals must be the English lesson's, in its order (exact, double); got exactly, double",
      "lessons/16-translation-mismatch/lesson.zh-CN.md:10: the English lesson has 1 chart(s); give a title for each, in its order (got 2)",
      "lessons/16-translation-mismatch/lesson.zh-CN.md: the English prose has 0 code block(s), this one 1: code (and its comments) stays as in the English",
    ]);
  });

  it("reports a translation older than its English, at its translatedFrom line", () => {
    expect(only("17-translation-stale")).toEqual([
      expect.stringMatching(/^lessons\/17-translation-stale\/lesson\.zh-CN\.md:2: stale translation: made from lesson\.md as it was at [0-9a-f]{12}, but lesson\.md is now [0-9a-f]{12} \(the version it was made from is not in git's history/),
    ]);
  });

  it("refuses a label for a parameter the scenario does not declare, and a declared one left unlabelled", () => {
    expect(only("18-translation-params")).toEqual([
      'lessons/18-translation-params/lesson.zh-CN.md:14: parameter "nope" is not one the scenario declares (workers, rounds)',
      'lessons/18-translation-params/lesson.zh-CN.md:12: give a label for each parameter under "params": missing rounds',
    ]);
  });

  it("counts each lesson's own checks, and each Python reference, as one test: passed, failed, or skipped when it cannot run", () => {
    // Own checks: 01, 08, 14 and 15 pass (08's failure is its reference's), the other 15 fail; course.yaml's problem fails
    // once more. References: 5 cannot run, their lessons' files being broken (02, 03, 10, 16, 99); of the 14 that can, 08's fails.
    const withPython = { passed: 4 + 13, failed: 15 + 1 + 1, skipped: 5 };
    // Without python3 the 14 that could run are skipped too, and counted so.
    const withoutPython = { passed: 4, failed: 15 + 1, skipped: 5 + 14 };
    expect(report.tally).toEqual(report.skipped.length === 0 ? withPython : withoutPython);
  });

  it("counts a reference it cannot run, for want of python3, as skipped", async () => {
    const alone = await checkCourse(lessons, join(root, "public"), { only: ["01-intact"], python: "python3-nowhere" });
    expect(alone.skipped).toEqual(["01-intact/reference.py: skipped: no python3-nowhere on this machine"]);
    // The lesson's own checks pass; course.yaml's problem (99-nowhere) fails whatever lessons are chosen.
    expect(alone.tally).toEqual({ passed: 1, failed: 1, skipped: 1 });
  }, 60_000);

  it("names a chart series that the scenario's result does not return", () => {
    expect(only("13-chart-typo")).toEqual([
      expect.stringMatching(/^lessons\/13-chart-typo\/lesson\.md:\d+: chart "Expected vs actual, per run": series "actaul" is not a field of any result the checks saw \(they had expected, actual\)$/),
    ]);
  });
});
