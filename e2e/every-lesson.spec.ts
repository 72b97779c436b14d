import { expect, test } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { loadCourse } from "../app/engine/course/load-course";
import { readCourseFiles } from "../scripts/lessons/course-files";
import { openLesson, run } from "./lesson-page";
import { onePageForTheFile } from "./one-page";

const course = loadCourse(readCourseFiles(fileURLToPath(new URL("../lessons", import.meta.url))));

/**
 * How each lesson's defaults end, as a student first meets them. `meets`
 * lists only goals no load can upset: invariants of correct code, and claims
 * lessons:check makes of the defaults in every run. Goals on speedups, or on a
 * race lost at a lucky moment, are left out.
 */
type Defaults = { readonly status: "done"; readonly meets: readonly string[] } | { readonly status: "deadlock"; readonly says: RegExp };

const DEFAULTS: Readonly<Record<string, Defaults>> = {
  "01-concurrency-vs-parallelism": { status: "done", meets: [] },
  "02-the-gil": { status: "done", meets: [] },
  "03-race-conditions": { status: "done", meets: [] },
  // A plain Lock taken again by the walk's own holder, one level down.
  "04-lock-and-rlock": { status: "deadlock", says: /^Self-deadlock: worker [AB] waits for lock tree, which it already holds\./ },
  "05-semaphore": { status: "done", meets: ["capped"] },
  "06-event-and-condition": { status: "done", meets: ["while-safe"] },
  "07-barrier": { status: "done", meets: ["overlap"] },
  "08-queues-and-worker-pools": { status: "done", meets: ["clean-fifo", "backpressure"] },
  "09-thread-pools": { status: "done", meets: ["clobbered", "out-of-order"] },
  "10-processes-and-ipc": { status: "done", meets: ["isolated"] },
  "11-process-pools": { status: "done", meets: ["correct"] },
  // Awaited in sequence on the virtual clock: exactly the sum of the latencies.
  "12-the-event-loop": { status: "done", meets: ["sequential-sum"] },
  // asyncio on the virtual clock: the same run every time, with orphans and a leak under gather.
  "13-structured-concurrency": { status: "done", meets: ["orphans"] },
  // asyncio on the virtual clock: with no limiter, every run admits the whole spike.
  "14-rate-limiting-and-backpressure": { status: "done", meets: ["flood"] },
  // The virtual clock makes the defaults' storm the same in every run, whatever the load.
  "15-retries-and-timeouts": { status: "done", meets: ["storm"] },
  // On the virtual clock the defaults repeat exactly: record 10 fails, and the grace period covers the last records.
  "16-pipelines": { status: "done", meets: ["through"] },
  // A pool on the virtual clock: the same bursts grow and reap it the same way in every run.
  "17-pools-caches-and-gateways": { status: "done", meets: ["grow-and-reap"] },
  // The first round is rigged so that each clerk holds its first lock before either reaches for its second.
  "18-deadlock": {
    status: "deadlock",
    says: /^Deadlock: (A waits for lock account 1 held by B, which waits for lock account 0 held by A|B waits for lock account 0 held by A, which waits for lock account 1 held by B)\./,
  },
  // The shared count on the virtual clock: the clients in step lose the same visits in every run.
  "19-actors": { status: "done", meets: ["lost"] },
  // Real workers on a busy machine: the figures move, but each pool size's summary stays in order.
  "20-measuring-concurrency": { status: "done", meets: ["consistent"] },
};

// Every lesson of the course: open, run with the defaults, and find the
// lesson's goals and charts. None may hang, and each ends as its lesson says.
// One page goes from lesson to lesson, as a student would: a fresh page for each cost seconds of loading.
test.describe("every lesson opens and runs with its defaults", () => {
  const coursePage = onePageForTheFile({ serial: false });

  for (const lesson of course.lessons) {
    test(`${lesson.slug}: its run ends as the lesson says, and its goals and charts are shown`, async () => {
      test.setTimeout(90_000);
      const page = coursePage();
      const expected = DEFAULTS[lesson.slug];
      expect(expected, `add how lesson ${lesson.slug}'s defaults end to DEFAULTS in e2e/every-lesson.spec.ts`).toBeDefined();
      const errors: string[] = [];
      const pageError = (error: Error) => errors.push(error.message);
      page.on("pageerror", pageError);
      try {
        await openLesson(page, lesson.slug);
        await expect(page.getByTestId("lesson-title")).toHaveText(lesson.title);
        await expect(page.getByTestId("lesson-problems")).toHaveCount(0);
        const status = await run(page, lesson.timeLimitMs + 10_000);
        const shown = await page.getByTestId("run-status").textContent();
        expect(status, `the run said: ${shown}`).toBe(expected!.status);
        if (expected!.status === "deadlock") await expect(page.getByTestId("run-deadlock")).toHaveText(expected!.says);
        else for (const goal of expected!.meets) await expect(page.getByTestId(`goal-${goal}`)).toHaveAttribute("data-met", "true");
        for (const goal of lesson.goals) await expect(page.getByTestId(`goal-${goal.id}`)).toBeVisible();
        for (const [i] of lesson.charts.entries()) await expect(page.getByTestId(`chart-${i}`)).toBeVisible();
        expect(errors).toEqual([]);
      } finally {
        page.off("pageerror", pageError);
      }
    });
  }

  test("no lesson's expected defaults outlive the lesson", () => {
    expect(Object.keys(DEFAULTS).filter((slug) => !course.lessons.some((lesson) => lesson.slug === slug))).toEqual([]);
  });
});
