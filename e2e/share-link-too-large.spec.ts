import { expect, test } from "@playwright/test";

/** An asyncio lost update (Explore finds it at once) under a comment that makes its code too large for a link. */
const bulky = `import { defineAsyncScenario } from "interleave";
${Array.from({ length: 1000 }, (_, i) => `// padding line ${String(i).padStart(4, "0")}: ${"x".repeat(60)}`).join("\n")}
export default defineAsyncScenario({
  params: {},
  setup: () => ({ counter: 0 }),
  main: async (state, loop) => {
    const add = async () => {
      const seen = state.counter;
      await loop.io(0.1);
      state.counter = seen + 1;
    };
    await loop.gather([add, add]);
  },
  result: (state) => ({ actual: state.counter, expected: 2 }),
});
`;

test("a found schedule whose code is too large for a link says so where the link would be, with its size", async ({ page }) => {
  // Typed, 80 KB would take the editor a minute: it arrives as the student's saved code.
  await page.addInitScript((code) => localStorage.setItem("interleave:v1:code:playground", JSON.stringify(code)), bulky);
  await page.goto("./#/playground");
  await expect(page.getByTestId("code-editor")).toContainText("padding line 0000");
  await page.getByTestId("explore-button").click();
  const result = page.getByTestId("explore-result");
  await expect(result).toHaveAttribute("data-found", "true", { timeout: 30_000 });
  await expect(page.getByTestId("explore-schedule")).toHaveText(/^v1\./);
  await expect(page.getByTestId("explore-share-link")).toHaveCount(0);
  await expect(page.getByTestId("explore-share-too-large")).toHaveText(/too large to open \(1\d\d KB; at most 100 KB\)\. Send the code as a file/);
});
