/**
 * npm test's guards, on the real tools: a focused test fails the run with CI
 * unset, a test that passes only on a retry fails it and counts as failed,
 * and the count of tests may not fall below the floor.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { E2E_ARGS, UNIT_ARGS, e2eTally, floorOf, judgeCount } from "./test-guards.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixtures = mkdtempSync(join(tmpdir(), "test-guards-"));
// The fixtures import vitest and Playwright as the project's tests do.
symlinkSync(join(root, "node_modules"), join(fixtures, "node_modules"));
afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

/** Runs a tool of the project on the fixtures, as npm test would on a developer's machine: without CI. */
function tool(args: readonly string[], env: Record<string, string> = {}) {
  const { CI: _ci, ...withoutCi } = process.env;
  const run = spawnSync(process.execPath, args, { cwd: fixtures, env: { ...withoutCi, ...env }, encoding: "utf8", timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A Playwright project of one spec file, `body`, run with npm test's arguments and `extra`. */
function playwright(name: string, body: string, extra: readonly string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(fixtures, `${name}-`));
  writeFileSync(join(dir, "playwright.config.mjs"), "export default { testDir: '.', retries: 0 };\n");
  writeFileSync(join(dir, `${name}.spec.mjs`), `import { test, expect } from "@playwright/test";\n${body}\n`);
  return tool([join(root, "node_modules/@playwright/test/cli.js"), ...E2E_ARGS, "-c", join(dir, "playwright.config.mjs"), ...extra], env);
}

/**
 * The focusing modifier, spelled out only in the throwaway fixtures this file
 * writes: the project's own sources never hold a focused test, and a scan for
 * one must not find these.
 */
const FOCUS = ["o", "n", "l", "y"].join("");

describe("npm test's guards", () => {
  it("fails a unit test run with a focused test in it, CI or not", () => {
    writeFileSync(join(fixtures, "focused.test.mjs"), `import { expect, it } from "vitest";\nit.${FOCUS}("focused", () => expect(1).toBe(1));\nit("other", () => {});\n`);
    const run = tool([join(root, "node_modules/vitest/vitest.mjs"), ...UNIT_ARGS, "--root", fixtures]);
    expect(run.output).toContain("only");
    expect(run.status).toBe(1);
  }, 60_000);

  it("fails an end-to-end run with a focused test in it, CI or not", () => {
    const run = playwright("focused", `test.${FOCUS}("focused", () => {});\ntest("other", () => {});`, ["--list"]);
    expect(run.output).toContain("'.only' is not allowed");
    expect(run.status).toBe(1);
  }, 60_000);

  it("fails an end-to-end run whose test passed only on a retry, and counts it as failed", () => {
    const report = join(fixtures, "flaky.json");
    const body = 'test("flaky", () => expect(test.info().retry).toBe(1));';
    const run = playwright("flaky", body, ["--retries=1", "--reporter=json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
    expect(run.status).toBe(1);
    expect(e2eTally(JSON.parse(readFileSync(report, "utf8")))).toEqual({ passed: 0, failed: 1, skipped: 0 });
  }, 60_000);
});

describe("the floor under the count of tests", () => {
  const file = { known: 300, removed: [{ tests: 2, why: "two specs merged into one" }] };

  it("fails a run with fewer tests than the last known count less those removed on purpose, saying both", () => {
    expect(judgeCount(297, file, true)).toEqual({
      ok: false,
      message: expect.stringMatching(/^297 tests ran; the floor is 298 \(300 last known, less 2 removed on purpose\)\. Tests went missing: .*"tests": 1, "why"/),
      raised: null,
    });
  });

  it("passes a run at the floor, and leaves the file as it is", () => {
    expect(judgeCount(298, file, true)).toEqual({ ok: true, message: "298 tests ran; the floor is 298 (300 last known, less 2 removed on purpose).", raised: null });
  });

  it("raises the floor to a green run's count, forgetting the removals it absorbed, but not a failing run's", () => {
    expect(judgeCount(299, file, true)).toMatchObject({ ok: true, raised: { known: 299, removed: [] } });
    expect(judgeCount(305, file, false)).toMatchObject({ ok: true, raised: null });
  });

  it("reads the committed floor file", () => {
    const committed = floorOf(JSON.parse(readFileSync(join(root, "scripts/test-floor.json"), "utf8")));
    expect(committed.floor).toBeGreaterThan(0);
    expect(committed.floor).toBeLessThanOrEqual(committed.known);
  });
});
