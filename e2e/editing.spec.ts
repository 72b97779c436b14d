import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { onePageForTheFile } from "./one-page";
import { openLesson, replaceCode, resultValue, run, savedCode, setParam } from "./lesson-page";

const scenario = (body: string, result = "({ value: total.get() })") => `import { defineScenario, param } from "interleave";
export default defineScenario({
  params: { workers: param.int({ default: 2, min: 1, max: 4 }) },
  setup: (shared) => ({ total: shared.int("total") }),
  worker: ({ total }, { id }) => {
    ${body}
  },
  result: ({ total }) => ${result},
});
`;

test.describe("editing the scenario", () => {
  // Code without a default export has no parameter form, which openLesson waits for: that test comes last.
  const page = onePageForTheFile();

  test("an edit to the code changes what runs, and survives a reload", async () => {
    await openLesson(page());
    await replaceCode(page(), scenario("total.add(21);"));
    await expect(page().getByTestId("param-fix")).toHaveCount(0);
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "value")).toBe(42);
    await page().reload();
    await expect(page().getByTestId("code-editor")).toContainText("total.add(21);");
    expect(await savedCode(page())).toContain("total.add(21);");
    await expect(page().getByTestId("param-workers")).toHaveValue("2");
  });

  test("a syntax error shows a marker and a message, and the next good run works", async () => {
    await openLesson(page());
    await replaceCode(page(), scenario("total.add(1;"));
    expect(await run(page())).toBe("refused");
    await expect(page().getByTestId("run-error")).toContainText("Syntax error");
    await expect(page().getByTestId("run-error")).toContainText("line 6");
    await expect(page().getByTestId("code-editor")).toHaveAttribute("data-error-lines", "6");
    await expect(page().getByTestId("code-editor").locator(".squiggly-error").first()).toBeVisible();
    await replaceCode(page(), scenario("total.add(1);"));
    await expect(page().getByTestId("code-editor")).toHaveAttribute("data-error-lines", "");
    expect(await run(page())).toBe("done");
    expect(await resultValue(page(), "value")).toBe(2);
  });

  test("an error thrown in a worker names the worker and the line", async () => {
    await openLesson(page());
    await replaceCode(page(), scenario('if (id === 1) throw new Error("worker B gave up");'));
    expect(await run(page())).toBe("error");
    await expect(page().getByTestId("run-error")).toHaveText("Error in worker B, line 6: worker B gave up");
    await expect(page().getByTestId("code-editor")).toHaveAttribute("data-error-lines", "6");
  });

  test("a type error is reported in the page and underlined", async () => {
    await openLesson(page());
    await replaceCode(page(), scenario('total.add("one");'));
    await expect(page().getByTestId("type-problems")).toContainText("line 6");
    // TypeScript's message ends in a period of its own, and the page's sentence goes on after it.
    await expect(page().getByTestId("type-problems")).not.toContainText("..");
  });

  test("Reset restores the starter code", async () => {
    await openLesson(page());
    await replaceCode(page(), scenario("total.add(1);"));
    page().once("dialog", (dialog) => dialog.accept());
    await page().getByTestId("reset-button").click();
    await expect(page().getByTestId("param-fix")).toBeVisible();
    expect(await savedCode(page())).toBeNull();
    await setParam(page(), "fix", "atomic");
    expect(await run(page())).toBe("done");
  });

  test("Solve shows the solution after a confirmation, and Back to my code restores the student's code", async () => {
    const solution = readFileSync(new URL("../lessons/03-race-conditions/solution.ts", import.meta.url), "utf8");
    await openLesson(page());
    await replaceCode(page(), scenario("total.add(2);"));
    // As the editor indented what was typed.
    await expect.poll(() => savedCode(page())).toContain("total.add(2)");
    const typed = await savedCode(page());
    page().once("dialog", (dialog) => dialog.dismiss());
    await page().getByTestId("solve-button").click();
    expect(await savedCode(page())).toBe(typed);
    page().once("dialog", (dialog) => dialog.accept());
    await page().getByTestId("solve-button").click();
    await expect.poll(() => savedCode(page())).toBe(solution);
    await page().reload();
    await page().getByTestId("own-code-button").click();
    await expect.poll(() => savedCode(page())).toBe(typed);
    await expect(page().getByTestId("own-code-button")).toHaveCount(0);
  });

  test("a scenario without a default export is explained", async () => {
    await openLesson(page());
    await replaceCode(page(), 'import { param } from "interleave";\nexport const nothing = 1;\n');
    await expect(page().getByTestId("scenario-problem")).toContainText("no default export");
    expect(await run(page())).toBe("refused");
  });
});
