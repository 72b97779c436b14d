import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { onePageForTheFile } from "./one-page";
import { openLesson, resultValue, run, savedCode, setParam } from "./lesson-page";

const SLUG = "19-actors";
const solution = readFileSync(new URL(`../lessons/${SLUG}/solution.ts`, import.meta.url), "utf8");

// Lesson 19 in the built site. Without a process the loop runs on the virtual
// clock, so those figures are the same in every run; with the counter on a
// process only the exactness is claimed, which rests on the mailbox's order.
test.describe("the actors lesson", () => {
  const page = onePageForTheFile();

  test("the defaults: three clients updating one shared count across an await lose two visits in three", async () => {
    await openLesson(page(), SLUG);
    expect(await run(page())).toBe("done");
    await expect(page().getByTestId("run-interpreter")).toHaveText("Ran as asyncio tasks taking turns on one event loop, one thread.");
    expect(await resultValue(page(), "expected")).toBe(60);
    expect(await resultValue(page(), "counted")).toBe(20);
    await expect(page().getByTestId("goal-lost")).toHaveAttribute("data-met", "true");
    // No actors in the shared design: none of their figures, and their charts wait for an actor run.
    await expect(page().getByTestId("result-counterRate")).toHaveCount(0);
    await expect(page().getByTestId("chart-0")).toHaveAttribute("data-points", "0");
  });

  test("Explore finds the lost update on the shared count, between the clients' own lanes", async () => {
    await page().getByTestId("explore-button").click();
    const result = page().getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(result).toHaveAttribute("data-kind", "broken");
    await expect(page().getByTestId("explore-swimlanes")).toContainText("client-1");
    await expect(page().getByTestId("explore-swimlanes")).toContainText("client-2");
  });

  test("the counter actor counts every visit one message at a time, but the starter's peek reports it early", async () => {
    await setParam(page(), "design", "actor");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "counted")).toBe(60);
    expect(await resultValue(page(), "reported")).toBe(15);
    expect(await resultValue(page(), "maxDepth")).toBe(45);
    expect(await resultValue(page(), "counterRate")).toBe(200);
    expect(await resultValue(page(), "printed")).toBe(60);
    await expect(page().getByTestId("goal-one-at-a-time")).toHaveAttribute("data-met", "true");
    await expect(page().getByTestId("goal-ask")).toHaveAttribute("data-met", "false");

    await setParam(page(), "sendMs", 20);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "maxDepth")).toBe(3);
    await expect(page().getByTestId("goal-keeps-up")).toHaveAttribute("data-met", "true");
    await setParam(page(), "sendMs", 4);

    await page().getByTestId("explore-button").click();
    const result = page().getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "true", { timeout: 30_000 });
    await expect(result).toHaveAttribute("data-kind", "broken");
  });

  test("the solution asks the counter with a reply: exact on the loop, Explore finds no short report, and exact on a process", async () => {
    page().once("dialog", (dialog) => dialog.accept());
    await page().getByTestId("solve-button").click();
    await expect.poll(() => savedCode(page(), SLUG)).toBe(solution);
    await expect(page().getByTestId("params")).not.toHaveAttribute("aria-busy", "true");
    await setParam(page(), "design", "actor");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "reported")).toBe(60);
    await expect(page().getByTestId("goal-ask")).toHaveAttribute("data-met", "true");
    await page().getByTestId("explore-button").click();
    const result = page().getByTestId("explore-result");
    await expect(result).toHaveAttribute("data-found", "false", { timeout: 60_000 });

    await setParam(page(), "where", "processes");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "reported")).toBe(60);
    expect(await resultValue(page(), "counted")).toBe(60);
    await expect(page().getByTestId("result-counterWorker")).toHaveAttribute("data-value", "B");
    await expect(page().getByTestId("goal-on-a-process")).toHaveAttribute("data-met", "true");
  });

  test("the Python tab shows asyncio and multiprocessing actors", async () => {
    await page().getByTestId("tab-python").click();
    await expect(page().getByTestId("python-reference")).toContainText("create_future()");
    await expect(page().getByTestId("python-reference")).toContainText("multiprocessing.Process(target=counter_process");
    await page().getByTestId("tab-scenario").click();
  });
});
