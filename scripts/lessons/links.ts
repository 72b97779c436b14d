/**
 * Checks the links and images in a lesson's prose: a link to another lesson
 * (`#/lessons/<slug>`) must name one; a relative link or image must be a file
 * of the site (`public/`, where the page serves them from). Web addresses
 * are not fetched: the check runs offline.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Lesson } from "../../app/engine/course/lesson";
import type { Problem } from "../../app/engine/course/problem";

const LINK = /(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const LESSON_LINK = /^#\/lessons\/([^/?#]+)/;

/** `name` is the markdown file's name in the lesson's folder (lesson.md, or a translation). */
export function checkLinks(lesson: Lesson, slugs: ReadonlySet<string>, publicDir: string, markdown: string, name: string): Problem[] {
  const problems: Problem[] = [];
  const file = `${lesson.slug}/${name}`;
  const lines = markdown.split("\n");
  const prose = lines[0] === "---" ? lines.indexOf("---", 1) + 1 : 0;
  let inCode = false;
  lines.forEach((text, i) => {
    if (i < prose) return;
    if (/^\s*(```|~~~)/.test(text)) inCode = !inCode;
    if (inCode) return;
    for (const [, bang, target] of text.matchAll(LINK)) {
      const problem = checkTarget(target!, bang === "!", slugs, publicDir);
      if (problem) problems.push({ file, line: i + 1, message: problem });
    }
  });
  return problems;
}

function checkTarget(target: string, image: boolean, slugs: ReadonlySet<string>, publicDir: string): string | null {
  const what = image ? "image" : "link";
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    return /^(https?|mailto):/i.test(target) ? null : `${what} "${target}": only http, https and mailto addresses are allowed`;
  }
  const lesson = LESSON_LINK.exec(target);
  if (lesson) return slugs.has(lesson[1]!) ? null : `${what} "${target}": there is no lesson "${lesson[1]}"`;
  if (target.startsWith("#")) return null;
  const path = target.split(/[?#]/)[0]!.replace(/^\//, "");
  return existsSync(join(publicDir, path)) ? null : `${what} "${target}": no file public/${path} (put images and files in public/)`;
}
