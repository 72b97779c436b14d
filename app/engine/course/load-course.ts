/**
 * Loads the course from a map of file paths (relative to `lessons/`) to
 * text, so the app's build (scripts/vite/course-modules.ts: the course's
 * index and each lesson, read for the page) and the command-line checks (the
 * file system) share one loader.
 */
import { checkShape } from "./schema";
import { manifestShape, manifestTranslationShape } from "./shapes";
import { LANGUAGES, DEFAULT_LANGUAGE, type Language } from "../../runtime/i18n/languages";
import { parseYaml } from "./yaml-map";
import { readLesson } from "./read-lesson";
import type { Course, CourseFiles, CourseTexts } from "./course";
import type { Lesson } from "./lesson";
import type { Problem } from "./problem";

export const MANIFEST = "course.yaml";

interface Manifest {
  title: string;
  units: { title: string; lessons: string[] }[];
}

export function loadCourse(files: CourseFiles): Course<Lesson> {
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
    translations: readManifestTranslations(files, units.length, problems),
  };
}

/** `course.zh-CN.yaml` and the like: the course's title and its units' titles, one per unit of the manifest. */
function readManifestTranslations(files: CourseFiles, unitCount: number, problems: Problem[]): Partial<Record<Language, CourseTexts>> {
  const translations: Partial<Record<Language, CourseTexts>> = {};
  for (const language of LANGUAGES) {
    const file = `course.${language}.yaml`;
    const text = files[file];
    if (language === DEFAULT_LANGUAGE || text === undefined) continue;
    const parsed = parseYaml(text, file);
    const found = parsed.located ? checkShape(parsed.located, manifestTranslationShape, file) : parsed.problems;
    const texts = parsed.located?.value as CourseTexts | undefined;
    if (found.length === 0 && texts && texts.units.length !== unitCount) {
      found.push({ file, line: parsed.located?.lines.get("units"), message: `course.yaml has ${unitCount} units; give a title for each, in its order (got ${texts.units.length})` });
    }
    problems.push(...found);
    if (found.length === 0 && texts) translations[language] = texts;
  }
  return translations;
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
