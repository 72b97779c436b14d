/** Stale translations found in a real git repository: the English lines changed since the version a translation was made from. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readLesson } from "../../app/engine/course/read-lesson";
import { englishHash, staleTranslations } from "./translations";

const root = mkdtempSync(join(tmpdir(), "stale-translation-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: root, stdio: "ignore" });
const english = (third: string) => `---\nid: demo\ntitle: Demo\nsummary: A demo.\n---\n\nOne.\n\nTwo.\n\n${third}\n`;
const translation = (from: string) => `---\ntranslatedFrom: ${englishHash(from)}\ntitle: 演示\nsummary: 演示。\n---\n\n一。\n`;

describe("a stale translation", () => {
  it("names the English lines changed since the version it was made from, found in git's history", () => {
    mkdirSync(join(root, "lessons", "01-demo"), { recursive: true });
    const old = english("Three.");
    git("init", "-q");
    writeFileSync(join(root, "lessons/01-demo/lesson.md"), old);
    git("add", ".");
    git("commit", "-qm", "first");
    const now = english("Three, and a fourth line.");
    writeFileSync(join(root, "lessons/01-demo/lesson.md"), now);
    git("commit", "-qam", "second");
    const files = { "01-demo/lesson.md": now, "01-demo/lesson.zh-CN.md": translation(old), "01-demo/scenario.ts": "", "01-demo/solution.ts": "", "01-demo/reference.py": "" };
    const lesson = readLesson("01-demo", files);
    expect(lesson.problems).toEqual([]);
    expect(staleTranslations(join(root, "lessons"), lesson, now)).toEqual([
      {
        file: "01-demo/lesson.zh-CN.md",
        line: 2,
        message: `stale translation: made from lesson.md as it was at ${englishHash(old)}, but lesson.md is now ${englishHash(now)} (changed since: lesson.md line 11). Bring the translation up to date, then set translatedFrom: ${englishHash(now)}`,
      },
    ]);
    const upToDate = readLesson("01-demo", { ...files, "01-demo/lesson.zh-CN.md": translation(now) });
    expect(staleTranslations(join(root, "lessons"), upToDate, now)).toEqual([]);
  });
});
