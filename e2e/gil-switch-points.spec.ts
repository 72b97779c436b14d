import { expect, test } from "@playwright/test";
import { openLesson, resultValue, run, setParam } from "./lesson-page";
import { onePageForTheFile } from "./one-page";

// Where CPython's GIL can switch threads, on the race lesson: the status line, Explore and step mode say it.
test.describe("the GIL's switch points on the race lesson", () => {
  const lessonPage = onePageForTheFile();

  test("under the GIL a plain read-then-write loses nothing, and every run says which Python it stood for", async () => {
    const page = lessonPage();
    await openLesson(page);
    await setParam(page, "between", "nothing");
    await setParam(page, "increments", 500_000);
    expect(await run(page)).toBe("done");
    expect(await resultValue(page, "lost")).toBe(0);
    await expect(page.getByTestId("run-interpreter")).toHaveText("Ran as Python threads under the GIL (CPython 3.10 or later, switch interval 5 ms, the default).");
    await setParam(page, "interpreter", "free-threaded");
    expect(await run(page)).toBe("done");
    await expect(page.getByTestId("run-interpreter")).toHaveAttribute("data-mode", "free-threaded");
  });

  test("Explore finds the lost update of the plain loop and says CPython's GIL would not allow that schedule; with a call between, it says nothing of the kind", async () => {
    const page = lessonPage();
    await openLesson(page);
    // The test before left the interpreter free-threaded, where there is no GIL to speak of.
    await setParam(page, "interpreter", "gil");
    await setParam(page, "between", "nothing");
    await page.getByTestId("explore-button").click();
    await expect(page.getByTestId("explore-result")).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(page.getByTestId("explore-gil")).toContainText(/^CPython's GIL would not allow this schedule: at step \d+, [AB] runs while [AB] is between two steps/);
    await expect(page.getByTestId("explore-swimlanes").locator(".gil-ruled-out")).not.toHaveCount(0);
    await setParam(page, "between", "a call");
    await page.getByTestId("explore-button").click();
    // The result read is this search's: the last one's stays up until this one starts, and none shows while it runs.
    await expect(page.getByTestId("explore-params")).toContainText("between a call", { timeout: 30_000 });
    await expect(page.getByTestId("explore-result")).toHaveAttribute("data-found", "true");
    await expect(page.getByTestId("explore-gil")).toHaveCount(0);
  });

  test("step mode says when only one worker could move under CPython's GIL, and when a step took the GIL where CPython never would", async () => {
    const page = lessonPage();
    await openLesson(page);
    await setParam(page, "between", "nothing");
    await page.getByTestId("step-start").click();
    await page.getByTestId("step-A").click();
    await page.getByTestId("step-B").click();
    await expect(page.getByTestId("step-gil")).toHaveCount(0); // B is about to read: a loop's turn, where CPython may switch
    await page.getByTestId("step-A").click(); // A reads, and is about to write
    await expect(page.getByTestId("step-gil")).toHaveAttribute("data-kind", "keeps");
    await expect(page.getByTestId("step-gil")).toContainText("With CPython's GIL only A could move now");
    await page.getByTestId("step-B").click();
    await expect(page.getByTestId("step-gil")).toHaveAttribute("data-kind", "ruled-out");
    await expect(page.getByTestId("step-gil")).toContainText("CPython's GIL would not have let B move there: A was between two steps");
  });
});
