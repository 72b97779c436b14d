/**
 * A copy of the project with two lessons made by lesson:new, the second
 * broken as its author might break it, built for a sub-path (BASE_PATH):
 * new-lesson.spec.ts and sub-path-build.spec.ts browse it. Copying and
 * building take tens of seconds, so the two specs share one copy: a worker
 * fixture, made by the first test that asks for it.
 */
import { test as base } from "@playwright/test";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { templateTranslation } from "../scripts/lessons/template-translation";

export const NEW_LESSON = "30-my-first-lesson";
export const BROKEN_LESSON = "31-broken-lesson";
/** NEW_LESSON's translation, made from an English text that is not its lesson.md (its hash is no text's, and digits only, which YAML would read as a number). */
const STALE_TRANSLATION = templateTranslation("000000000000", "我的第一课");

/** The sub-path the copy is built for. */
export const BASE = "/course/";

export interface CourseCopy {
  /** The copy of the project. */
  readonly dir: string;
  /** Where the build lives, under `BASE` of a server serving `dir/site`, so that an asset asked for at the root is not found. */
  readonly outDir: string;
  /** lesson:new's run, for each lesson. */
  readonly made: Readonly<Record<string, SpawnSyncReturns<string>>>;
  /** vite build's run. */
  readonly built: SpawnSyncReturns<string>;
}

const root = fileURLToPath(new URL("..", import.meta.url));

export const test = base.extend<object, { courseCopy: CourseCopy }>({
  courseCopy: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), "interleave-course-copy-"));
      try {
        for (const part of ["app", "lessons", "public", "scripts", "index.html", "vite.config.ts", "package.json", "tsconfig.json"]) {
          cpSync(join(root, part), join(dir, part), { recursive: true });
        }
        symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
        const newLesson = (slug: string) => spawnSync(process.execPath, ["scripts/lesson-new.mjs", slug, "--unit", "1"], { cwd: dir, encoding: "utf8" });
        const made = { [NEW_LESSON]: newLesson(NEW_LESSON), [BROKEN_LESSON]: newLesson(BROKEN_LESSON) };
        // A goal with no check: the lesson still loads, carrying the problem.
        const markdown = join(dir, "lessons", BROKEN_LESSON, "lesson.md");
        if (made[BROKEN_LESSON].status === 0) writeFileSync(markdown, readFileSync(markdown, "utf8").replace("    check: result.actual === 2 * result.expected\n", ""));
        // A Chinese translation made from an older English: its readers are told (new-lesson.spec.ts).
        if (made[NEW_LESSON].status === 0) writeFileSync(join(dir, "lessons", NEW_LESSON, "lesson.zh-CN.md"), STALE_TRANSLATION);
        const outDir = join(dir, "site", BASE);
        const built = spawnSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "error", "--outDir", outDir], {
          cwd: dir,
          encoding: "utf8",
          // Served here as built: compressed copies would only cost the build time.
          env: { ...process.env, BASE_PATH: BASE, PRECOMPRESS: "0" },
        });
        await use({ dir, outDir, made, built });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: "worker", timeout: 240_000 },
  ],
});
