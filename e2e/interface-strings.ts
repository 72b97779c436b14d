/**
 * The interface's English strings, from the catalogues the page speaks from
 * (ui, engine, runtime), and a reader of what a page shows, for the tour in
 * Chinese: no English interface string may be left on it. A message with
 * values (`{{worker}}`) or markup (`<0>…</0>`) is looked for by its fixed
 * pieces; code the student or the lesson wrote (the editor, code blocks,
 * console lines, values named in code) is not the interface and is skipped.
 */
import type { Page } from "@playwright/test";
import ui from "../app/ui/messages/en";
import engine from "../app/engine/messages/en";
import runtime from "../app/runtime/messages/en";

/** Words that are the same in both languages: names, text the interface keeps as code, and a unit's symbol (a chart's "ms" axis). */
const SAME_IN_BOTH = new Set(["Interleave", "English", "Python", "GIL", "asyncio", "TypeScript", "ms"]);

function messages(catalogue: object): string[] {
  return Object.values(catalogue).flatMap((value) => (typeof value === "string" ? [value] : messages(value as object)));
}

export interface EnglishStrings {
  /** Pieces of two words or more: found anywhere in a text. */
  readonly phrases: readonly string[];
  /** One-word messages ("Run", "Stop"): found only as a whole label. */
  readonly words: ReadonlySet<string>;
}

export function englishInterfaceStrings(): EnglishStrings {
  const pieces = [ui, engine, runtime]
    .flatMap(messages)
    .flatMap((message) => message.split(/\{\{[^}]*\}\}|<\/?\d+>|`[^`]*`/))
    .map((piece) => piece.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ""))
    .filter((piece) => /[A-Za-z]{2}/.test(piece) && !SAME_IN_BOTH.has(piece));
  const words = new Set(pieces.filter((piece) => !/\s/.test(piece)));
  const phrases = [...new Set(pieces.filter((piece) => /[A-Za-z]+\s+[A-Za-z]+/.test(piece)))];
  return { phrases, words };
}

/** A text the page shows, and whether it is the lesson's own words (its prose, a card's summary), where a parameter's value may be named in a word. */
export interface Shown {
  readonly text: string;
  readonly lessonText: boolean;
}

/** What the page shows a reader: each visible text node and each label, title or placeholder, outside code. */
export async function shownTexts(page: Page): Promise<Shown[]> {
  return page.evaluate(() => {
    const LESSON_TEXT = ".prose, .lesson-cards span";
    const CODE = "pre, code, .monaco-editor, [data-testid='console'], [data-testid='python-reference'], [data-testid='shared-values'] .shared-name, select option, .recharts-legend-wrapper, [data-code-text]";
    const visible = (element: Element) => element.checkVisibility?.({ visibilityProperty: true }) ?? true;
    const texts: { text: string; lessonText: boolean }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? "";
      if (text !== "" && parent && !parent.closest(CODE) && visible(parent)) texts.push({ text, lessonText: parent.closest(LESSON_TEXT) !== null });
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (element.closest(CODE) || !visible(element)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push({ text: value, lessonText: false });
      }
    }
    return texts;
  });
}

/** The English interface strings in `texts`, each with the text it was found in; a one-word string only as a whole label outside the lesson's own words. */
export function englishLeft(texts: readonly Shown[], english: EnglishStrings): string[] {
  return texts.flatMap(({ text, lessonText }) => {
    if (!lessonText && english.words.has(text.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ""))) return [`"${text}"`];
    const phrase = english.phrases.find((p) => text.includes(p));
    return phrase ? [`"${phrase}" in "${text.slice(0, 120)}"`] : [];
  });
}
