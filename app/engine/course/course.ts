/**
 * The course: the ordered manifest `lessons/course.yaml` and the lesson
 * folders it names. Loaded from a map of file paths (relative to `lessons/`)
 * to text, so the app (Vite's glob import) and command-line checks (the file
 * system) share one loader.
 */
import { checkShape } from "./schema";
import { manifestShape } from "./shapes";
import { parseYaml } from "./yaml-map";
import { readLesson, type Lesson } from "./lesson";
import type { Problem } from "./problem";

export const MANIFEST = "course.yaml";

export interface Unit {
  readonly title: string;
  readonly lessons: readonly Lesson[];
}

export interface Course {
  readonly title: string;
  readonly units: readonly Unit[];
  /** Every lesson in course order. */
  readonly lessons: readonly Lesson[];
  /** Problems of the manifest itself; each lesson carries its own. */
  readonly problems: readonly Problem[];
}

/** A lesson's number in the course, counted from 1 across units as the curriculum numbers them; 0 when it is not in it. */
export function lessonNumber(course: Course, slug: string): number {
  return course.lessons.findIndex((lesson) => lesson.slug === slug) + 1;
}

export type CourseFiles = Readonly<Record<string, string>>;

interface Manifest {
  title: string;
  units: { title: string; lessons: string[] }[];
}

export function loadCourse(files: CourseFiles): Course {
  const manifest = readManifest(files);
  const problems = [...manifest.problems];
  const units = (manifest.value?.units ?? []).map((unit) => ({
    title: unit.title,
    lessons: unit.lessons.map((slug) => {
      const lesson = readLesson(slug, files);
      if (!Object.keys(files).some((path) => path.startsWith(`${slug}/`))) {
        problems.push({ file: MANIFEST, line: manifest.lineOf(slug), message: `lesson "${slug}" has no folder lessons/${slug}/` });
      }
      return lesson;
    }),
  }));
  const listed = new Set(units.flatMap((unit) => unit.lessons.map((lesson) => lesson.slug)));
  for (const folder of lessonFolders(files)) {
    if (!listed.has(folder)) {
      problems.push({ file: MANIFEST, message: `lesson folder "${folder}" is not listed in any unit: add it to a unit's lessons` });
    }
  }
  return {
    title: manifest.value?.title ?? "Interleave",
    units,
    lessons: units.flatMap((unit) => unit.lessons),
    problems,
  };
}

function readManifest(files: CourseFiles): { value?: Manifest; problems: Problem[]; lineOf: (slug: string) => number | undefined } {
  const text = files[MANIFEST];
  const none = () => undefined;
  if (text === undefined) return { problems: [{ file: MANIFEST, message: "missing course manifest" }], lineOf: none };
  const parsed = parseYaml(text, MANIFEST);
  if (!parsed.located) return { problems: parsed.problems, lineOf: none };
  const problems = checkShape(parsed.located, manifestShape, MANIFEST);
  const lines = text.split("\n");
  const lineOf = (slug: string) => {
    const index = lines.findIndex((line) => line.includes(slug));
    return index < 0 ? undefined : index + 1;
  };
  return { value: problems.length === 0 ? (parsed.located.value as Manifest) : undefined, problems, lineOf };
}

function lessonFolders(files: CourseFiles): string[] {
  return [...new Set(Object.keys(files).filter((p) => p.includes("/")).map((p) => p.split("/")[0]!))];
}
