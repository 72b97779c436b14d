/**
 * The course's index, read from lessons/ at build time: the virtual module
 * `virtual:course-index` is the course with each lesson's title, summary,
 * goal ids and problems (app/engine/course/course.ts, courseIndex), and the
 * playground's card. The page starts from it without parsing any YAML and
 * loads a lesson's own files only when it is opened. In `npm run dev` an
 * edit, a new file or a removed one under lessons/ rebuilds it in place.
 */
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { runnerImport, type EnvironmentModuleNode, type Plugin } from "vite";

const ID = "virtual:course-index";
const RESOLVED = `\0${ID}`;
const SOURCE = fileURLToPath(new URL("./course-index-source.ts", import.meta.url));

export function courseIndexPlugin(lessonsDir: string, playgroundDir: string): Plugin {
  const watched = (file: string) => file.startsWith(lessonsDir + sep) || file === join(playgroundDir, "lesson.md");
  return {
    name: "interleave:course-index",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      // Read afresh each time, so that in `npm run dev` an edit to the course's loader counts too.
      const { module } = await runnerImport<typeof import("./course-index-source.ts")>(SOURCE, { configFile: false, logLevel: "error" });
      return module.courseIndexSource(lessonsDir, playgroundDir);
    },
    // Also on a lesson file no page has loaded yet, and on files added or removed, which no module imports.
    hotUpdate({ file, modules }) {
      if (this.environment.name !== "client" || !watched(file)) return;
      const index = this.environment.moduleGraph.getModuleById(RESOLVED);
      if (!index) return;
      this.environment.moduleGraph.invalidateModule(index);
      return [...modules, index] as EnvironmentModuleNode[];
    },
  };
}
