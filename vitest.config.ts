import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";
import { courseModules } from "./scripts/vite/course-modules.ts";

const TESTS = ["app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"];
/**
 * Files that need a process of their own: one that mocks a module (vi.mock), which only a fresh module graph keeps
 * to its file; one that times work by the process's CPU time, which whatever other files left running would add to.
 */
const ISOLATED = ["app/runtime/sync/queue-lock.test.ts", "app/runtime/work.test.ts"];

// Unit and runtime tests only; the Playwright specs in e2e/ have their own runner.
export default defineConfig({
  // The playground's lesson is a module built from its folder (playground.test.ts), as on the page.
  plugins: [courseModules(fileURLToPath(new URL("./lessons", import.meta.url)), fileURLToPath(new URL("./app/ui/playground", import.meta.url)))],
  test: {
    environment: "node",
    testTimeout: 30_000,
    projects: [
      // One process and one module graph for the others: importing the engine and the runtime afresh for each file
      // cost half a second of a file's own few, and tens of seconds over the suite on two cores.
      { extends: true, test: { name: "shared", include: TESTS, exclude: [...configDefaults.exclude, ...ISOLATED], isolate: false } },
      { extends: true, test: { name: "isolated", include: ISOLATED } },
    ],
  },
});
