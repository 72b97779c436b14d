import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Prose } from "./Prose";

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
    const html = renderToStaticMarkup(<Prose markdown={markdown} />);
    expect(html).toContain("<h2>Locks</h2>");
    expect(html).toContain("<code>lock.hold()</code>");
    expect(html).toContain("with lock:");
    expect(html).not.toMatch(/<script|<img|onerror|javascript:/i);
  });

  it("lets a code block, which may scroll sideways, take the focus, and names it for a screen reader", () => {
    const html = renderToStaticMarkup(<Prose markdown={"```text\nLOAD_GLOBAL counter\n```"} />);
    expect(html).toMatch(/<pre tabindex="0" role="group" aria-label="Code example"><code[^>]*>LOAD_GLOBAL counter/);
  });
});
