/**
 * lessons:check's questions about a lesson's translations that need more
 * than its files (read-translation.ts checks their shape against the
 * English): whether each is older than the English it was made from, where
 * the English changed since (git's history of lesson.md, when it has the
 * version the translation names), and whether its parameter labels are the
 * scenario's parameters.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { LANGUAGES, DEFAULT_LANGUAGE, type Language } from "../../app/runtime/i18n/languages";
import { translationFile, type Lesson } from "../../app/engine/course/lesson";
import type { Problem } from "../../app/engine/course/problem";
import type { ParamSpecs } from "../../app/runtime/params";

/** What `translatedFrom` records: the first 12 hex digits of the SHA-256 of lesson.md's text. */
export function englishHash(markdown: string): string {
  return createHash("sha256").update(markdown, "utf8").digest("hex").slice(0, 12);
}

/** The languages whose translation was made from another English text than `markdown` (lesson.md as it is). */
export function staleLanguages(lesson: Lesson, markdown: string): Language[] {
  const now = englishHash(markdown);
  return (Object.keys(lesson.translations) as Language[]).filter((language) => lesson.translations[language]!.translatedFrom !== now);
}

export function staleTranslations(lessonsDir: string, lesson: Lesson, markdown: string): Problem[] {
  const now = englishHash(markdown);
  return staleLanguages(lesson, markdown).flatMap((language) => {
    const texts = lesson.translations[language]!;
    const since = changedLines(join(lessonsDir, lesson.slug, "lesson.md"), texts.translatedFrom, markdown);
    const where = since === undefined ? "(the version it was made from is not in git's history, so the changed lines are unknown)" : `(changed since: lesson.md ${since})`;
    return [
      {
        file: `${lesson.slug}/${translationFile(language)}`,
        line: texts.lines.get("translatedFrom"),
        message: `stale translation: made from lesson.md as it was at ${texts.translatedFrom}, but lesson.md is now ${now} ${where}. Bring the translation up to date, then set translatedFrom: ${now}`,
      },
    ];
  });
}

/** The lines of the current lesson.md that differ from its version with hash `from`, found in git's history; undefined when git has no such version. */
function changedLines(path: string, from: string, current: string): string | undefined {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: join(path, ".."), encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 24 });
  try {
    const relative = git("ls-files", "--full-name", path).trim();
    if (relative === "") return undefined;
    for (const commit of git("log", "--format=%H", "--", `:(top)${relative}`).split("\n").filter(Boolean)) {
      const old = git("show", `${commit}:${relative}`);
      if (englishHash(old) === from) return lineRanges(old, current);
    }
  } catch {
    // No git (a copy of the course outside a repository): the stale verdict stands without lines.
  }
  return undefined;
}

/** The current text's lines that are not in the old, as ranges ("lines 12-14, 40"), by a longest common subsequence of lines. */
function lineRanges(old: string, current: string): string {
  const a = old.split("\n");
  const b = current.split("\n");
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const changed: number[] = [];
  let i = 0;
  let j = 0;
  while (j < b.length) {
    if (i < a.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else changed.push(++j);
  }
  if (changed.length === 0) return "only lines removed";
  const ranges: string[] = [];
  for (let k = 0; k < changed.length; k++) {
    const start = changed[k]!;
    while (changed[k + 1] === changed[k]! + 1) k++;
    ranges.push(start === changed[k] ? `${start}` : `${start}-${changed[k]}`);
  }
  return `line${changed.length === 1 ? "" : "s"} ${ranges.join(", ")}`;
}

/** Each translation labels exactly the parameters the starter declares. */
export function translationParams(lesson: Lesson, specs: ParamSpecs): Problem[] {
  const declared = Object.keys(specs);
  return (Object.keys(lesson.translations) as Language[]).flatMap((language) => {
    const texts = lesson.translations[language]!;
    const file = `${lesson.slug}/${translationFile(language)}`;
    const labelled = Object.keys(texts.params);
    const unknown = labelled.filter((name) => !declared.includes(name)).map((name) => ({ file, line: texts.lines.get(`params.${name}`), message: `parameter "${name}" is not one the scenario declares (${declared.join(", ") || "none"})` }));
    const missing = declared.filter((name) => !labelled.includes(name));
    const unlabelled = missing.length === 0 ? [] : [{ file, line: texts.lines.get("params") ?? texts.lines.get(""), message: `give a label for each parameter under "params": missing ${missing.join(", ")}` }];
    return [...unknown, ...unlabelled];
  });
}

/** The languages a lesson has no translation into, for lessons:check's notes. */
export function untranslated(lesson: Lesson): string[] {
  return LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE && !lesson.translations[language]).map((language) => `untranslated: ${lesson.slug} has no ${language} translation (${translationFile(language)}): its readers see the English`);
}
