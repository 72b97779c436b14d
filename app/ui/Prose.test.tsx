import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, it } from "vitest";
import { i18nInstance, loadLanguage } from "../runtime/i18n/i18n";
import { Prose } from "./Prose";

afterEach(() => loadLanguage("en"));

/** As the page renders it: under the realm's i18next instance (main.tsx). */
const render = (element: ReactNode) => renderToStaticMarkup(<I18nextProvider i18n={i18nInstance}>{element}</I18nextProvider>);

describe("lesson prose", () => {
  it("renders markdown and drops embedded HTML, so nothing in it can run", () => {
    const markdown = [
      "## Locks",
      "Use `lock.hold()`.",
      '<script>window.pwned = true</script>',
      '<img src="x" onerror="window.pwned = true">',
      "[a link](javascript:alert(1))",
      "",
      "```python",
      "with lock:\n    counter += 1",
      "```",
    ].join("\n\n");
    const html = render(<Prose markdown={markdown} />);
    expect(html).toContain("<h2>Locks</h2>");
    expect(html).toContain("<code>lock.hold()</code>");
    expect(html).toContain("with lock:");
    expect(html).not.toMatch(/<script|<img|onerror|javascript:/i);
  });

  it("lets a code block, which may scroll sideways, take the focus, and names it for a screen reader, in the page's language", async () => {
    const block = <Prose markdown={"```text\nLOAD_GLOBAL counter\n```"} />;
    expect(render(block)).toMatch(/<pre tabindex="0" role="group" aria-label="Code example"><code[^>]*>LOAD_GLOBAL counter/);
    await loadLanguage("zh-CN");
    expect(render(block)).toContain('aria-label="代码示例"');
  });
});
