/**
 * The course, read from lessons/ at build time into modules, so that the page
 * parses no YAML (course-sources.ts makes their sources):
 * - `virtual:course-index`: the course with each lesson's title, summary,
 *   goal ids and problems (app/engine/course/course.ts, courseIndex), and
 *   the playground's card, which the first page starts from;
 * - `virtual:lessons`: a loader per lesson of the course, slug -> its module;
 * - `virtual:lesson/<slug>`: the lesson as `readLesson` returns it, a chunk
 *   of its own named by its folder, loaded when the lesson is opened;
 * - `virtual:playground-lesson`: the playground read as a lesson.
 * The course is read once for all of them, and read again after an edit in
 * `npm run dev`, where an edit, a new file or a removed one under lessons/
 * (or in the playground's folder, or in the reader's own code) rebuilds the
 * modules in place.
 */
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { runnerImport, type EnvironmentModuleNode, type Plugin } from "vite";
import type { CourseSources } from "./course-sources.ts";

const INDEX = "virtual:course-index";
const LESSONS = "virtual:lessons";
const LESSON = "virtual:lesson/";
const PLAYGROUND = "virtual:playground-lesson";
const SOURCE = fileURLToPath(new URL("./course-sources.ts", import.meta.url));

export function courseModules(lessonsDir: string, playgroundDir: string): Plugin {
  let reading: Promise<CourseSources> | undefined;
  /** The files of the reader's own code (the engine's, through the module runner): an edit in `npm run dev` calls for a new reading. */
  let code: ReadonlySet<string> = new Set();
  const read = () =>
    (reading ??= runnerImport<typeof import("./course-sources.ts")>(SOURCE, { configFile: false, logLevel: "error" })
      .then(({ module, dependencies }) => {
        code = new Set(dependencies);
        return module.courseSources(lessonsDir, playgroundDir);
      })
      .catch((error: unknown) => {
        // A reading that failed (an edit broke the reader's code, a file went while it was read) is not remembered: the next load tries again.
        reading = undefined;
        throw error;
      }));
  const isCourseModule = (id: string) => [INDEX, LESSONS, PLAYGROUND].some((name) => id === `\0${name}`) || id.startsWith(`\0${LESSON}`);
  const feedsCourse = (file: string) => file.startsWith(lessonsDir + sep) || file.startsWith(playgroundDir + sep) || code.has(file);
  return {
    name: "interleave:course-modules",
    buildStart() {
      // A new build (`vite build --watch`) reads the course again.
      reading = undefined;
    },
    resolveId: (id) => (isCourseModule(`\0${id}`) ? `\0${id}` : undefined),
    async load(id) {
      if (!isCourseModule(id)) return undefined;
      const sources = await read();
      const name = id.slice(1);
      if (name === INDEX) return sources.index;
      if (name === PLAYGROUND) return sources.playground;
      if (name === LESSONS) return loadersSource([...sources.lessons.keys()]);
      const slug = name.slice(LESSON.length);
      const lesson = sources.lessons.get(slug);
      if (lesson === undefined) this.error(`${name}: no lesson "${slug}" in ${join(lessonsDir, "course.yaml")}`);
      return lesson;
    },
    // Also on a lesson file no page has loaded, and on files added or removed, which no module imports.
    hotUpdate({ file, modules, timestamp }) {
      if (this.environment.name !== "client" || !feedsCourse(file)) return;
      reading = undefined;
      const graph = this.environment.moduleGraph;
      const built = [...graph.idToModuleMap].filter(([id]) => isCourseModule(id)).map(([, module]) => module);
      // Each is made again when next imported, and imported afresh (the HMR timestamp) by the loaders made again. Only
      // those still imported are updated: the module of a lesson removed from the course has no importer left, and
      // the update of a module no one imports reloads the page.
      built.forEach((module) => graph.invalidateModule(module, new Set(), timestamp, true));
      return [...modules, ...built.filter((module) => module.importers.size > 0)] as EnvironmentModuleNode[];
    },
  };
}

/** `virtual:lessons`: each lesson's module, imported on its own, so that the build makes it a chunk of its own. */
function loadersSource(slugs: readonly string[]): string {
  const loaders = slugs.map((slug) => `${JSON.stringify(slug)}: () => import(${JSON.stringify(LESSON + slug)})`);
  return `export const lessons = {\n${loaders.join(",\n")}\n};\n`;
}
