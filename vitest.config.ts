import { defineConfig } from "vitest/config";

// Unit and runtime tests only; the Playwright specs in e2e/ have their own runner.
export default defineConfig({
  test: {
    include: ["app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
});
