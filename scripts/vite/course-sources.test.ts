/** The course's modules as the page gets them: each lesson as `readLesson` reads its files, Maps and problems included. */
import { afterAll, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Lesson } from "../../app/engine/course/lesson";
import { readLesson } from "../../app/engine/course/read-lesson";
import { readCourseFiles } from "../lessons/course-files";
import { courseSources } from "./course-sources";

const RACE = "03-race-conditions";
const BROKEN = "04-broken";
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// A course of two lessons: one as written, with its Chinese translation; one whose frontmatter its author broke.
const dir = mkdtempSync(join(tmpdir(), "interleave-course-sources-"));
const lessonsDir = join(dir, "lessons");
const playgroundDir = join(dir, "playground");
cpSync(here(`../../lessons/${RACE}`), join(lessonsDir, RACE), { recursive: true });
cpSync(here(`../../lessons/${RACE}`), join(lessonsDir, BROKEN), { recursive: true });
const broken = join(lessonsDir, BROKEN, "lesson.md");
writeFileSync(broken, readFileSync(broken, "utf8").replace(/^summary: .*$/m, "summary: [never closed"));
writeFileSync(join(lessonsDir, "course.yaml"), `title: A course\nunits:\n  - title: One\n    lessons: [${RACE}, ${BROKEN}]\n`);
cpSync(here("../../app/ui/playground"), playgroundDir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sources = courseSources(lessonsDir, playgroundDir);

/** What a module's source exports, as the page would import it. */
function exports<T>(source: string): Promise<T> {
  return import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(source).toString("base64")}`) as Promise<T>;
}

async function imported(source: string | undefined): Promise<Lesson> {
  if (source === undefined) throw new Error("no module for this lesson");
  return (await exports<{ lesson: Lesson }>(source)).lesson;
}

it("builds each lesson of the course into a module that exports it as readLesson reads its files, Maps included", async () => {
  const files = readCourseFiles(lessonsDir);
  const lesson = await imported(sources.lessons.get(RACE));
  expect(lesson).toStrictEqual(readLesson(RACE, files));
  expect(lesson.lines).toBeInstanceOf(Map);
  expect(lesson.lines.get("goals.0")).toBeGreaterThan(1);
  expect(lesson.translations["zh-CN"]?.lines).toBeInstanceOf(Map);
  expect(lesson.problems).toEqual([]);
  expect([...sources.lessons.keys()]).toEqual([RACE, BROKEN]);
});

it("builds a broken lesson with its problems, so that its page shows them", async () => {
  const lesson = await imported(sources.lessons.get(BROKEN));
  expect(lesson).toStrictEqual(readLesson(BROKEN, readCourseFiles(lessonsDir)));
  expect(lesson.problems).toContainEqual(expect.objectContaining({ file: `${BROKEN}/lesson.md`, message: expect.stringMatching(/^invalid YAML/) }));
  expect(lesson.title).toBe(BROKEN);
});

it("builds the playground as a lesson from its folder: its texts and starter, no solution or reference", async () => {
  const playground = await imported(sources.playground);
  const file = (name: string) => readFileSync(join(playgroundDir, name), "utf8");
  const files = { "lesson.md": file("lesson.md"), "lesson.zh-CN.md": file("lesson.zh-CN.md"), "scenario.ts": file("scenario.ts"), "solution.ts": "", "reference.py": "" };
  expect(playground).toStrictEqual(readLesson("playground", Object.fromEntries(Object.entries(files).map(([name, text]) => [`playground/${name}`, text]))));
  expect(playground.problems).toEqual([]);
  expect(playground.translations["zh-CN"]).toBeDefined();
});

it("builds the index with each lesson's card and problems", async () => {
  const { course } = await exports<{ course: { lessons: Lesson[] } }>(sources.index);
  expect(course.lessons.map((lesson) => [lesson.slug, lesson.problems.length > 0])).toEqual([
    [RACE, false],
    [BROKEN, true],
  ]);
});
