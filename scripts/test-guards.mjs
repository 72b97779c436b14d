/**
 * What makes `npm test` (test.mjs) fail when a green run would mislead: a
 * focused test (`.only`) fails the run whether or not CI is set, a flaky
 * Playwright test counts as a failure, and the suite may not shrink below
 * its floor.
 *
 * The floor is scripts/test-floor.json: `known`, the count of the last green
 * run, less the tests in `removed`, each `{ "tests": n, "why": "..." }`. A run
 * with fewer tests than the floor fails, printing both. To remove tests on
 * purpose, add an entry to `removed` in the same commit. A green run with more
 * tests than the floor rewrites the file with its own count (and no removals):
 * commit it with the tests that raised it. (When two branches both raised it,
 * either count resolves the merge: the next green run sets it right.)
 */

/** vitest's arguments: a test left focused fails the run, CI or not. */
export const UNIT_ARGS = ["run", "--allowOnly=false"];

/** Playwright's arguments: a focused test, and a test that passed only on a retry, fail the run. */
export const E2E_ARGS = ["test", "--forbid-only", "--fail-on-flaky-tests"];

/** A vitest JSON report's counts. */
export function unitTally(report) {
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

/** A Playwright JSON report's counts: a flaky test failed before it passed, and counts as failed. */
export function e2eTally(report) {
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected, failed: unexpected + flaky, skipped };
}

/** The least number of tests a run may have: the last known count, less those removed on purpose. */
export function floorOf(file) {
  const removed = file.removed.reduce((sum, entry) => sum + entry.tests, 0);
  return { known: file.known, removed, floor: file.known - removed };
}

/**
 * Judges a run's count of tests against the floor file: whether it may pass,
 * what to say, and the file to write when a green run raised the count.
 */
export function judgeCount(total, file, green) {
  const { known, removed, floor } = floorOf(file);
  const both = `${total} tests ran; the floor is ${floor} (${known} last known${removed > 0 ? `, less ${removed} removed on purpose` : ""})`;
  if (total < floor) {
    return {
      ok: false,
      message: `${both}. Tests went missing: if that was on purpose, add { "tests": ${floor - total}, "why": "..." } to "removed" in scripts/test-floor.json.`,
      raised: null,
    };
  }
  if (green && total > floor) return { ok: true, message: `${both}: scripts/test-floor.json now says ${total}; commit it.`, raised: { known: total, removed: [] } };
  return { ok: true, message: `${both}.`, raised: null };
}
