import type { ComponentProps } from "react";
import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { FocusablePre } from "./FocusablePre";
import { useMessages } from "./messages/messages";

/**
 * Lesson prose. react-markdown builds React elements from the markdown tree
 * and, with `skipHtml`, drops embedded HTML entirely: nothing in a lesson's
 * prose can execute on the page. Its default URL transform drops unsafe
 * schemes (`javascript:`); a relative path names a file of `public/`, so it
 * is resolved against the site's base, which a sub-path deployment moves.
 * GitHub's markdown (tables, strikethrough, task lists) is what authors
 * write elsewhere, so it renders here too. A code block may scroll sideways,
 * so it takes the focus (FocusablePre).
 */
export function Prose({ markdown }: { markdown: string }) {
  return (
    <article className="prose" data-testid="lesson-prose">
      <Markdown skipHtml remarkPlugins={GFM} urlTransform={siteUrl} components={BLOCKS}>
        {markdown}
      </Markdown>
    </article>
  );
}

const GFM = [remarkGfm];
const BLOCKS: Components = { pre: ({ node: _node, ...props }) => <CodeExample {...props} /> };

function CodeExample(props: ComponentProps<"pre">) {
  const say = useMessages();
  return <FocusablePre label={say("page.codeExample")} {...props} />;
}

function siteUrl(url: string): string {
  const safe = defaultUrlTransform(url);
  const relative = safe !== "" && !/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(safe);
  return relative ? `${import.meta.env.BASE_URL}${safe}` : safe;
}

/** A one-line summary's inline markdown (`code`, *emphasis*, **strong**), with no blocks or links: it sits inside a link. */
export function InlineMarkdown({ text }: { text: string }) {
  return (
    <Markdown skipHtml allowedElements={INLINE} unwrapDisallowed>
      {text}
    </Markdown>
  );
}

const INLINE = ["code", "em", "strong"];
