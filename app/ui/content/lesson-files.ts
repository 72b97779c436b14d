/**
 * Every lesson's files, read at build time as text (nothing in lessons/ is
 * executed on the page) into a chunk per lesson (vite.config.ts), which the
 * page loads when the lesson is opened. Keys are paths relative to lessons/.
 */
import type { CourseFiles } from "../../engine/course/course";

const loaders = import.meta.glob<string>("/lessons/*/*.{md,ts,py}", { query: "?raw", import: "default" });

export async function lessonFiles(slug: string): Promise<CourseFiles> {
  const folder = `/lessons/${slug}/`;
  const files = Object.entries(loaders).filter(([path]) => path.startsWith(folder));
  return Object.fromEntries(await Promise.all(files.map(async ([path, load]) => [path.slice("/lessons/".length), await load()])));
}
