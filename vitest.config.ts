import { configDefaults, defineConfig } from "vitest/config";

const TESTS = ["app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"];
/** Files that mock a module (vi.mock): only a fresh module graph per file keeps the mock to its file. */
const MOCKING = ["app/runtime/sync/queue-lock.test.ts"];

// Unit and runtime tests only; the Playwright specs in e2e/ have their own runner.
export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 30_000,
    projects: [
      // One process and one module graph for the other files: importing the engine and the runtime afresh for each
      // file cost half a second of a file's own few, and tens of seconds over the suite on two cores.
      { extends: true, test: { name: "shared", include: TESTS, exclude: [...configDefaults.exclude, ...MOCKING], isolate: false } },
      { extends: true, test: { name: "isolated", include: MOCKING } },
    ],
  },
});
