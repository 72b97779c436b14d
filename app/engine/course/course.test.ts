import { describe, expect, it } from "vitest";
import { courseIndex } from "./course";
import { loadCourse } from "./load-course";
import { formatProblem } from "./problem";
import { courseIn, lessonIn, paramLabel } from "./in-language";

const lessonMd = (frontmatter: string) => `---\n${frontmatter}\n---\n# Prose\n`;
const good = "id: demo\ntitle: Demo\nsummary: A demo.";
const files = (md: string, manifest = "title: T\nunits:\n  - title: U\n    lessons: [01-demo]\n") => ({
  "course.yaml": manifest,
  "01-demo/lesson.md": md,
  "01-demo/scenario.ts": "s",
  "01-demo/solution.ts": "t",
  "01-demo/reference.py": "p",
});

describe("loadCourse", () => {
  it("reads the manifest order and a lesson's files", () => {
    const course = loadCourse(files(lessonMd(`${good}\ngoals:\n  - id: g\n    text: Do it\n    check: result.ok`)));
    expect(course.problems).toEqual([]);
    expect(course.lessons.map((l) => [l.slug, l.title, l.scenario, l.prose])).toEqual([["01-demo", "Demo", "s", "# Prose\n"]]);
    expect(course.lessons[0]!.goals).toEqual([{ id: "g", text: "Do it", check: "result.ok" }]);
    expect(course.lessons[0]!.problems).toEqual([]);
  });

  it("names a misspelt frontmatter key with its file and line", () => {
    const lesson = loadCourse(files(lessonMd("id: demo\ntittle: Demo\nsummary: x"))).lessons[0]!;
    expect(lesson.problems.map((p) => formatProblem(p))).toEqual([
      'lessons/01-demo/lesson.md:3: unknown key "tittle" (did you mean "title"?); known keys: id, title, summary, timeLimitSeconds, stepParams, invariant, goals, checks, charts',
      'lessons/01-demo/lesson.md:2: missing key "title"',
    ]);
    expect(lesson.title).toBe("01-demo");
  });

  it("points at a bad nested value", () => {
    const lesson = loadCourse(files(lessonMd(`${good}\ncharts:\n  - kind: pie\n    title: P\n    series: [a]`))).lessons[0]!;
    expect(lesson.problems).toEqual([{ file: "01-demo/lesson.md", line: 6, message: '"kind" must be one of runs, trend, by-param, over-time, per-item; got "pie"' }]);
  });

  it("reads step goals, and refuses a deadlock goal with a check, a goal without one, and a free-run check of a step goal", () => {
    const stepGoals = `${good}\ngoals:\n  - id: lost\n    text: Lose one\n    step: result\n    check: result.lost > 0\n  - id: stuck\n    text: Deadlock them\n    step: deadlock`;
    const ok = loadCourse(files(lessonMd(`${stepGoals}\nchecks:\n  - { code: starter, expect: reachable, goal: stuck }`))).lessons[0]!;
    expect(ok.problems).toEqual([]);
    expect(ok.goals.map((g) => [g.id, g.step, g.check])).toEqual([["lost", "result", "result.lost > 0"], ["stuck", "deadlock", "false"]]);
    const bad = loadCourse(
      files(lessonMd(`${good}\ngoals:\n  - id: a\n    text: A\n    step: deadlock\n    check: "true"\n  - id: b\n    text: B\nchecks:\n  - { code: starter, expect: meets, goal: a }\n  - { code: starter, expect: reachable, goal: b }`)),
    ).lessons[0]!;
    expect(bad.problems.map((p) => p.message)).toEqual([
      'goal "a" is reached by a deadlock, which has no result: remove its "check"',
      'goal "b" has no "check": add one (a JavaScript expression over result and params)',
      'check 1: goal "a" is a step goal, which a free run never meets: check it with "expect: reachable"',
      'check 2: goal "b" is not a step goal: only a step goal is "reachable"',
    ]);
  });

  it("reports invalid YAML, a missing frontmatter and missing files", () => {
    expect(loadCourse(files(lessonMd("id: [unclosed"))).lessons[0]!.problems[0]).toMatchObject({ file: "01-demo/lesson.md", line: 2 });
    expect(loadCourse(files("# no frontmatter")).lessons[0]!.problems[0]!.message).toMatch(/no frontmatter/);
    const { "01-demo/reference.py": _, ...rest } = files(lessonMd(good));
    expect(loadCourse(rest).lessons[0]!.problems).toEqual([{ file: "01-demo/reference.py", message: "missing file" }]);
  });

  it("keeps other lessons when the manifest names a missing one", () => {
    const manifest = "title: T\nunits:\n  - title: U\n    lessons: [01-demo, 02-gone]\n";
    const course = loadCourse(files(lessonMd(good), manifest));
    expect(course.lessons.map((l) => l.slug)).toEqual(["01-demo", "02-gone"]);
    expect(course.lessons[0]!.problems).toEqual([]);
    expect(course.problems).toEqual([{ file: "course.yaml", line: 4, message: 'lesson "02-gone" has no folder lessons/02-gone/' }]);
  });

  it("indexes the course with what the lesson list and progress need, and none of the lessons' files, as plain data", () => {
    const md = lessonMd(`${good}\ngoals:\n  - id: g\n    text: Do it\n    check: result.ok\n  - id: h\n    text: And this\n    check: result.ok`);
    const manifest = "title: T\nunits:\n  - title: U\n    lessons: [01-demo, 02-gone]\n";
    const index = courseIndex(loadCourse(files(md, manifest)));
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
    expect(index.units.map((unit) => unit.lessons.map((lesson) => lesson.slug))).toEqual([["01-demo", "02-gone"]]);
    expect(index.lessons[0]).toEqual({ slug: "01-demo", title: "Demo", summary: "A demo.", problems: [], goals: [{ id: "g" }, { id: "h" }], translations: {} });
    expect(index.lessons[1]!.problems.length).toBeGreaterThan(0);
    expect(index.problems.map((p) => p.message)).toEqual(['lesson "02-gone" has no folder lessons/02-gone/']);
  });

  it("reads the course's and a lesson's translations, and shows them in their language with the English's ids and checks", () => {
    const md = lessonMd(`${good}\ngoals:\n  - id: g\n    text: Do it\n    check: result.ok\ncharts:\n  - kind: runs\n    title: Runs\n    series: [a]`);
    const zh = "---\ntranslatedFrom: 012345678901\ntitle: 演示\nsummary: 一个演示。\ngoals:\n  - id: g\n    text: 做到它\ncharts:\n  - title: 每次运行\nparams:\n  workers: 工作线程数\n---\n# 正文\n";
    const course = loadCourse({ ...files(md), "01-demo/lesson.zh-CN.md": zh, "course.zh-CN.yaml": "title: 课程\nunits: [单元]\n" });
    expect(course.problems).toEqual([]);
    const lesson = course.lessons[0]!;
    expect(lesson.problems).toEqual([]);
    expect(lesson.translations["zh-CN"]?.translatedFrom).toBe("012345678901");
    const chinese = lessonIn(lesson, "zh-CN");
    expect([chinese.title, chinese.summary, chinese.prose, chinese.charts[0]!.title]).toEqual(["演示", "一个演示。", "# 正文\n", "每次运行"]);
    expect(chinese.goals).toEqual([{ id: "g", text: "做到它", check: "result.ok" }]);
    expect(chinese.checks).toBe(lesson.checks);
    expect(paramLabel(lesson, "zh-CN", "workers", "Workers")).toBe("工作线程数");
    expect(paramLabel(lesson, "en", "workers", "Workers")).toBe("Workers");
    expect(lessonIn(lesson, "en")).toBe(lesson);
    const index = courseIn(courseIndex(course), "zh-CN");
    expect([index.title, index.units[0]!.title, index.lessons[0]!.title, index.lessons[0]!.summary]).toEqual(["课程", "单元", "演示", "一个演示。"]);
  });

  it("refuses a course translation that does not title every unit", () => {
    const course = loadCourse({ ...files(lessonMd(good)), "course.zh-CN.yaml": "title: 课程\nunits: [一, 二]\n" });
    expect(course.problems).toEqual([{ file: "course.zh-CN.yaml", line: 2, message: "course.yaml has 1 units; give a title for each, in its order (got 2)" }]);
    expect(course.translations).toEqual({});
  });
});
