/**
 * The course's files read from disk, keyed as the app's build-time glob keys
 * them (paths relative to `lessons/`), so the app and the command-line tools
 * load the course with one loader (app/engine/course/load-course.ts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { CourseFiles } from "../../app/engine/course/course";

const COURSE_FILE = /\.(md|ts|py|yaml)$/;

export function readCourseFiles(lessonsDir: string): CourseFiles {
  const files: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (COURSE_FILE.test(name)) files[relative(lessonsDir, path).split(sep).join("/")] = readFileSync(path, "utf8");
    }
  };
  visit(lessonsDir);
  return files;
}
