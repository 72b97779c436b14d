/**
 * Reads a lesson's translations (`lesson.zh-CN.md` beside `lesson.md`) and
 * checks each against the English: the same goal ids in the same order, a
 * title (and an x label where the English has one) for each chart, the
 * invariant's text when the English has one, the same code blocks, unchanged.
 * Whether a translation is older than the English is a question for the file
 * system and git, so lessons:check answers it (scripts/lessons/translations.ts).
 */
import { LANGUAGES, DEFAULT_LANGUAGE, type Language } from "../../runtime/i18n/languages";
import { readFrontmatter } from "./frontmatter";
import { translationShape } from "./shapes";
import { translationFile, type Lesson, type LessonTexts, type Translations } from "./lesson";
import type { Problem } from "./problem";

interface TranslationFrontmatter {
  translatedFrom: string;
  title: string;
  summary: string;
  invariant?: string;
  goals?: { id: string; text: string }[];
  charts?: { title: string; x?: string }[];
  params?: Record<string, unknown>;
}

type English = Omit<Lesson, "translations">;

export function readTranslations(slug: string, files: Readonly<Record<string, string>>, english: English, problems: Problem[]): Translations {
  const translations: Partial<Record<Language, LessonTexts>> = {};
  for (const language of LANGUAGES) {
    if (language === DEFAULT_LANGUAGE) continue;
    const file = `${slug}/${translationFile(language)}`;
    const text = files[file];
    if (text === undefined) continue;
    const texts = readTranslation(file, text, english, problems);
    if (texts) translations[language] = texts;
  }
  return translations;
}

function readTranslation(file: string, text: string, english: English, problems: Problem[]): LessonTexts | undefined {
  // A hash of digits only (or digits and one "e") is a number to YAML: read it as the text it is, on the same line.
  const hashAsText = text.replace(/^translatedFrom:[ \t]*([0-9a-f]{12})[ \t]*$/m, 'translatedFrom: "$1"');
  const read = readFrontmatter(file, hashAsText, translationShape);
  const found = [...read.problems];
  const value = read.value as TranslationFrontmatter | undefined;
  if (value !== undefined && found.length === 0) found.push(...mismatches(file, value, read.lines, read.prose, english));
  problems.push(...found);
  if (value === undefined || found.length > 0) return undefined;
  return {
    title: value.title,
    summary: value.summary,
    prose: read.prose,
    invariant: value.invariant,
    goals: Object.fromEntries((value.goals ?? []).map((goal) => [goal.id, goal.text])),
    charts: value.charts ?? [],
    params: Object.fromEntries(Object.entries(value.params ?? {}).map(([name, label]) => [name, String(label)])),
    translatedFrom: value.translatedFrom,
    lines: read.lines,
  };
}

function mismatches(file: string, value: TranslationFrontmatter, lines: ReadonlyMap<string, number>, prose: string, english: English): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ file, line: lines.get(path) ?? lines.get(""), message });
  const englishIds = english.goals.map((goal) => goal.id);
  const ids = (value.goals ?? []).map((goal) => goal.id);
  if (ids.join() !== englishIds.join()) {
    report("goals", `goals must be the English lesson's, in its order (${englishIds.join(", ") || "none"}); got ${ids.join(", ") || "none"}`);
  }
  const charts = value.charts ?? [];
  if (charts.length !== english.charts.length) {
    report("charts", `the English lesson has ${english.charts.length} chart(s); give a title for each, in its order (got ${charts.length})`);
  }
  charts.forEach((chart, i) => {
    const englishX = english.charts[i]?.x;
    if ((chart.x === undefined) !== (englishX === undefined)) {
      report(`charts.${i}`, englishX === undefined ? `chart ${i + 1} has no x label in English: remove "x"` : `chart ${i + 1}: translate its x label ("${englishX}") as "x"`);
    }
  });
  if ((value.invariant === undefined) !== (english.invariant === null)) {
    report(value.invariant === undefined ? "" : "invariant", english.invariant ? `translate the invariant ("${english.invariant.text}") as "invariant"` : `the English lesson has no invariant: remove "invariant"`);
  }
  for (const [name, label] of Object.entries(value.params ?? {})) {
    if (typeof label !== "string") report(`params.${name}`, `the label of parameter "${name}" must be text`);
  }
  const code = codeBlocks(prose);
  const englishCode = codeBlocks(english.prose);
  const changed = englishCode.findIndex((block, i) => code[i] !== block);
  if (code.length !== englishCode.length || changed >= 0) {
    const which = changed >= 0 ? `code block ${changed + 1} differs from the English` : `the English prose has ${englishCode.length} code block(s), this one ${code.length}`;
    problems.push({ file, message: `${which}: code (and its comments) stays as in the English` });
  }
  return problems;
}

/** The fenced code blocks of markdown prose, each as written. */
function codeBlocks(prose: string): string[] {
  return [...prose.matchAll(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm)].map((match) => match[0].trim());
}
