/**
 * The lesson's Python reference, highlighted by Monaco's Python grammar.
 * The tokens become React spans, not HTML from Monaco: the file is shown as
 * text whatever it contains. Every line is in the page (a read-only editor
 * would draw only the visible ones), so find-in-page and copying see all of it.
 */
import { useEffect, useState } from "react";
import { monaco } from "./monaco-setup";
import { FocusablePre } from "../FocusablePre";
import { useMessages } from "../messages/messages";

type Line = readonly { readonly text: string; readonly kind: string }[];

export default function PythonReference({ code }: { code: string }) {
  const say = useMessages();
  const [lines, setLines] = useState<readonly Line[] | null>(null);
  useEffect(() => {
    let current = true;
    void highlighted(code).then((next) => current && setLines(next));
    return () => {
      current = false;
    };
  }, [code]);
  return (
    <FocusablePre label={say("code.pythonReference")} className="python-reference" data-testid="python-reference" data-highlighted={lines !== null}>
      <code>
        {lines === null
          ? code
          : lines.map((line, i) => (
              <span key={i}>
                {line.map((token, j) => (
                  <span key={j} className={`tok-${token.kind}`}>
                    {token.text}
                  </span>
                ))}
                {"\n"}
              </span>
            ))}
      </code>
    </FocusablePre>
  );
}

async function highlighted(code: string): Promise<Line[]> {
  // Monaco loads a language's grammar when first asked to colorize it; tokenize alone would find none yet.
  await monaco.editor.colorize("", "python", {});
  const text = code.replace(/\n$/, "").split("\n");
  return monaco.editor.tokenize(text.join("\n"), "python").map((tokens, i) => {
    const line = text[i] ?? "";
    return tokens.map((token, j) => ({ text: line.slice(token.offset, tokens[j + 1]?.offset ?? line.length), kind: token.type.split(".")[0] || "plain" }));
  });
}
